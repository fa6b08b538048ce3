import { Flex, ToggleButton, Tooltip, TooltipTrigger } from '@backstage/ui';
import type {
  DriftClass,
  InstanceDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  DRIFT_CLASSES,
} from '@stalwart-backstage/plugin-stalwart-common';

/** One toggle per class with its count; pressing one shows or hides that class. */
export function DriftClassCounts(props: {
  counts: InstanceDriftResponseV1['counts'];
  selected: ReadonlySet<DriftClass>;
  onToggle: (driftClass: DriftClass) => void;
}) {
  return (
    <Flex
      gap="2"
      role="group"
      aria-label="Drift classes"
      style={{ flexWrap: 'wrap' }}
    >
      {DRIFT_CLASSES.map(driftClass => {
        const info = DRIFT_CLASS_INFO[driftClass];
        return (
          <TooltipTrigger key={driftClass}>
            <ToggleButton
              size="small"
              isSelected={props.selected.has(driftClass)}
              onChange={() => props.onToggle(driftClass)}
            >
              {`${info.label}: ${props.counts[driftClass] ?? 0}`}
            </ToggleButton>
            <Tooltip>{info.description}</Tooltip>
          </TooltipTrigger>
        );
      })}
    </Flex>
  );
}
