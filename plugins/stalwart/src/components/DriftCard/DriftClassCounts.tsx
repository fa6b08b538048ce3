import { Box, Chip, Tooltip } from '@material-ui/core';
import type {
  DriftClass,
  InstanceDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  DRIFT_CLASSES,
} from '@stalwart-backstage/plugin-stalwart-common';

/** One toggle per class with its count; pressing one shows or hides that class in the table. */
export function DriftClassCounts(props: {
  counts: InstanceDriftResponseV1['counts'];
  selected: ReadonlySet<DriftClass>;
  onToggle: (driftClass: DriftClass) => void;
}) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      role="group"
      aria-label="Drift classes"
    >
      {DRIFT_CLASSES.map(driftClass => {
        const info = DRIFT_CLASS_INFO[driftClass];
        const pressed = props.selected.has(driftClass);
        const count = props.counts[driftClass] ?? 0;
        return (
          <Tooltip key={driftClass} title={info.description}>
            <Chip
              clickable
              component="button"
              aria-pressed={pressed}
              color={pressed ? 'primary' : 'default'}
              variant={pressed ? 'default' : 'outlined'}
              label={`${info.label}: ${count}`}
              onClick={() => props.onToggle(driftClass)}
            />
          </Tooltip>
        );
      })}
    </Box>
  );
}
