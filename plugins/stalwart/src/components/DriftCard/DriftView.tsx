import { Box, Button, TextField } from '@material-ui/core';
import type {
  DriftClass,
  DriftItemV1,
  DriftRemediationAction,
  InstanceDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_REMEDIATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import { useMemo, useState } from 'react';
import { DriftClassCounts } from './DriftClassCounts';
import { DriftClassLegend } from './DriftClassLegend';
import { filterDriftItems, itemName } from './driftItems';
import { DriftReadErrors } from './DriftReadErrors';
import { DriftTable } from './DriftTable';
import type { RemediationTarget } from './RemediationDialog';

/** The loaded drift report: counts, search, class filters, the table and its actions. */
export function DriftView(props: {
  drift: InstanceDriftResponseV1;
  selected: ReadonlySet<DriftClass>;
  onToggleClass: (driftClass: DriftClass) => void;
  /** Given only to users allowed to reset settings. */
  onRemediate?: (target: RemediationTarget) => void;
}) {
  const { drift, onRemediate } = props;
  const [search, setSearch] = useState('');
  const items = useMemo(
    () => filterDriftItems(drift.items, { search, classes: props.selected }),
    [drift.items, search, props.selected],
  );
  const restartable = drift.items.filter(i =>
    i.remediations.includes('restart-stale-pods'),
  );
  const stalePods = drift.pods.filter(p => p.staleConfig);

  const remediateItems = (
    action: DriftRemediationAction,
    chosen: DriftItemV1[],
  ) =>
    onRemediate?.({
      action,
      itemIds: chosen.map(i => i.id),
      subject:
        chosen.length === 1 ? itemName(chosen[0]) : `${chosen.length} settings`,
    });

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <DriftReadErrors errors={drift.errors} />
      <DriftClassCounts
        counts={drift.counts}
        selected={props.selected}
        onToggle={props.onToggleClass}
      />
      <DriftClassLegend />
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 16 }}
      >
        <TextField
          id="stalwart-drift-search"
          label="Search settings"
          variant="outlined"
          size="small"
          value={search}
          onChange={e => setSearch(e.target.value)}
          inputProps={{ type: 'search' }}
        />
        {onRemediate && stalePods.length > 0 && restartable.length > 0 && (
          <Button
            variant="outlined"
            color="secondary"
            onClick={() =>
              onRemediate({
                action: 'restart-stale-pods',
                itemIds: restartable.map(i => i.id),
                subject: stalePods.map(p => p.name).join(', '),
              })
            }
          >
            {DRIFT_REMEDIATIONS['restart-stale-pods'].label}
          </Button>
        )}
      </Box>
      <DriftTable
        items={items}
        onRemediate={onRemediate ? remediateItems : undefined}
      />
    </Box>
  );
}
