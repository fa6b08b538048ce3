import { Button, Flex, SearchField } from '@backstage/ui';
import type {
  DriftClass,
  DriftItemV1,
  DriftRemediationAction,
  InstanceDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_REMEDIATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import { ReactNode, useMemo } from 'react';
import { DriftClassCounts } from './DriftClassCounts';
import { DriftClassLegend } from './DriftClassLegend';
import { groupDriftItems } from './driftGroups';
import { DriftGroupList } from './DriftGroupList';
import type { DriftGroupSlots } from './DriftGroupSection';
import { filterDriftItems, itemName } from './driftItems';
import type { DriftQuery } from './driftQuery';
import { DriftReadErrors } from './DriftReadErrors';
import type { RemediationTarget } from './RemediationDialog';
import { RemediationButtons } from './RemediationButtons';

/** The loaded drift report: counts, search, class filters, the groups and their actions. */
export function DriftView(props: {
  drift: InstanceDriftResponseV1;
  query: DriftQuery;
  onQueryChange: (query: DriftQuery) => void;
  /** Given only to users allowed to reset settings. */
  onRemediate?: (target: RemediationTarget) => void;
  /** Extra slots (e.g. badges) other features add beside groups and items. */
  slots?: DriftGroupSlots;
}) {
  const { drift, query, onRemediate } = props;
  const groups = useMemo(
    () => groupDriftItems(filterDriftItems(drift.items, query)),
    [drift.items, query],
  );
  const restartable = drift.items.filter(i =>
    i.remediations.includes('restart-stale-pods'),
  );
  const stalePods = drift.pods.filter(p => p.staleConfig);

  const toggleClass = (driftClass: DriftClass) => {
    const classes = new Set(query.classes);
    if (classes.has(driftClass)) classes.delete(driftClass);
    else classes.add(driftClass);
    props.onQueryChange({ ...query, classes });
  };

  const remediate = (action: DriftRemediationAction, chosen: DriftItemV1[]) =>
    onRemediate?.({
      action,
      itemIds: chosen.map(i => i.id),
      subject:
        chosen.length === 1 ? itemName(chosen[0]) : `${chosen.length} settings`,
    });

  const slots: DriftGroupSlots = { ...props.slots };
  if (onRemediate) {
    // Stacked: side by side, a narrow Actions cell let one button's label cover the other.
    slots.itemActions = item => (
      <Flex direction="column" align="start" gap="2">
        <RemediationButtons
          items={[item]}
          subject={itemName(item)}
          onRemediate={remediate}
        />
        {props.slots?.itemActions?.(item)}
      </Flex>
    );
    slots.groupActions = group => (
      <Flex gap="2">
        {group.items.length > 1 && (
          <RemediationButtons
            items={group.items}
            subject={group.title}
            onRemediate={remediate}
          />
        )}
        {props.slots?.groupActions?.(group) as ReactNode}
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="4">
      <DriftReadErrors errors={drift.errors} />
      <DriftClassCounts
        counts={drift.counts}
        selected={query.classes}
        onToggle={toggleClass}
      />
      <DriftClassLegend />
      <Flex align="end" gap="4" style={{ flexWrap: 'wrap' }}>
        <SearchField
          label="Search settings"
          size="small"
          value={query.search}
          onChange={search => props.onQueryChange({ ...query, search })}
          style={{ minWidth: 280 }}
        />
        {onRemediate && stalePods.length > 0 && restartable.length > 0 && (
          <Button
            variant="secondary"
            onPress={() =>
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
      </Flex>
      <DriftGroupList groups={groups} {...slots} />
    </Flex>
  );
}
