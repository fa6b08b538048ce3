import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Alert } from '@material-ui/lab';
import type {
  DriftClass,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  isStalwartInstance,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import { useMemo, useState } from 'react';
import { useInstanceDrift } from '../../queries/useInstanceDrift';
import { useInstanceStatus } from '../../queries/useInstanceStatus';
import { formatAge, secondsSince } from '../common/formatAge';
import { QueryStateFrame } from '../common/QueryStateFrame';
import { SectionCard } from '../common/SectionCard';
import { SetupEmptyState } from '../common/SetupEmptyState';
import { DRIFTED_CLASSES } from './driftItems';
import { DriftView } from './DriftView';
import { RemediationDialog, RemediationTarget } from './RemediationDialog';

/** What happened after an executed plan, from the backend's re-check. */
function appliedMessage(result: RemediationResultV1): string {
  const calls = `Applied ${result.calls.length} call${
    result.calls.length === 1 ? '' : 's'
  }`;
  const recheck = result.recheck;
  if (!recheck) return `${calls}; the drift is being read again.`;
  if (recheck.rolloutStarted) {
    return `${calls}; the pods are restarting and the settings clear as they are replaced.`;
  }
  if (recheck.remainingItemIds.length > 0) {
    return `${calls}; ${recheck.remainingItemIds.length} of the settings are still drifted.`;
  }
  return `${calls}; the settings now match git.`;
}

const DEFAULT_CLASSES = DRIFTED_CLASSES.filter(
  c => !DRIFT_CLASS_INFO[c].hiddenByDefault,
);

/** What git declares against what Stalwart runs, with remediation for those allowed. */
export function DriftCard() {
  const { entity } = useEntity();
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const [selected, setSelected] = useState<ReadonlySet<DriftClass>>(
    () => new Set(DEFAULT_CLASSES),
  );
  const includeHidden = [...selected].some(
    c => DRIFT_CLASS_INFO[c].hiddenByDefault,
  );
  const drift = useInstanceDrift(entity, { includeHidden });
  const status = useInstanceStatus(entity);
  const reset = usePermission({
    permission: stalwartSettingsResetPermission,
    resourceRef: stringifyEntityRef(entity),
  });
  const [target, setTarget] = useState<RemediationTarget>();
  const [applied, setApplied] = useState<RemediationResultV1>();

  const toggle = (driftClass: DriftClass) =>
    setSelected(previous => {
      const next = new Set(previous);
      if (next.has(driftClass)) next.delete(driftClass);
      else next.add(driftClass);
      return next;
    });

  const onApplied = (plan: RemediationResultV1) => {
    setTarget(undefined);
    setApplied(plan);
    void drift.refresh();
    void status.refresh();
  };

  const subheader = drift.data
    ? `Engine ${drift.data.engine} · cluster ${
        drift.data.cluster
      } · read ${formatAge(secondsSince(drift.data.fetchedAt))} ago`
    : undefined;

  return (
    <SectionCard title="Settings drift" subheader={subheader}>
      {!isStalwartInstance(entity) ? (
        <SetupEmptyState missing="annotation" />
      ) : (
        <QueryStateFrame
          query={drift}
          subject="settings drift"
          permission={stalwartSettingsReadPermission.name}
          skeletonLines={6}
        >
          {data => (
            <>
              {applied && (
                <Alert
                  severity="success"
                  role="status"
                  onClose={() => setApplied(undefined)}
                >
                  {appliedMessage(applied)}
                </Alert>
              )}
              <DriftView
                drift={data}
                selected={selected}
                onToggleClass={toggle}
                onRemediate={reset.allowed ? setTarget : undefined}
              />
            </>
          )}
        </QueryStateFrame>
      )}
      {target && (
        <RemediationDialog
          entityRef={entityRef}
          target={target}
          onClose={() => setTarget(undefined)}
          onApplied={onApplied}
        />
      )}
    </SectionCard>
  );
}
