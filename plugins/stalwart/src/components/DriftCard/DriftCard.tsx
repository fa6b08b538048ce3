import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Alert, ButtonIcon, Link } from '@backstage/ui';
import type {
  AdoptionResultV1,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  isStalwartInstance,
  stalwartSettingsAdoptPermission,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAdoptionProposals } from '../../queries/useAdoptionProposals';
import { errorMessage } from '../common/describeError';
import { useInstanceDrift } from '../../queries/useInstanceDrift';
import { useInstanceStatus } from '../../queries/useInstanceStatus';
import { formatAge, secondsSince } from '../common/formatAge';
import { QueryStateFrame } from '../common/QueryStateFrame';
import { SectionCard } from '../common/SectionCard';
import { SetupEmptyState } from '../common/SetupEmptyState';
import { DriftQuery, parseDriftQuery, writeDriftQuery } from './driftQuery';
import { DriftView } from './DriftView';
import { AdoptionDialog, AdoptionTarget } from './AdoptionDialog';
import { itemName } from './driftItems';
import { KeepLiveButton } from './KeepLiveButton';
import { RemediationDialog, RemediationTarget } from './RemediationDialog';
import { DriftNotDeployed } from './DriftNotDeployed';
import { isDeployed } from '../Lifecycle/lifecycleText';

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

/** What git declares against what Stalwart runs, with remediation for those allowed. */
export function DriftCard() {
  const { entity } = useEntity();
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseDriftQuery(params), [params]);
  const setQuery = (next: DriftQuery) =>
    setParams(previous => writeDriftQuery(previous, next), { replace: true });
  const includeHidden = [...query.classes].some(
    c => DRIFT_CLASS_INFO[c].hiddenByDefault,
  );
  const status = useInstanceStatus(entity);
  const lifecycle = status.data?.lifecycle;
  const deployed = isDeployed(lifecycle);
  const drift = useInstanceDrift(entity, { includeHidden, enabled: deployed });
  const reset = usePermission({
    permission: stalwartSettingsResetPermission,
    resourceRef: stringifyEntityRef(entity),
  });
  const adopt = usePermission({
    permission: stalwartSettingsAdoptPermission,
    resourceRef: stringifyEntityRef(entity),
  });
  const [target, setTarget] = useState<RemediationTarget>();
  const [applied, setApplied] = useState<RemediationResultV1>();
  const [adoption, setAdoption] = useState<AdoptionTarget>();
  const [proposed, setProposed] = useState<AdoptionResultV1>();
  const proposals = useAdoptionProposals(entity);
  const proposalOf = useMemo(
    () =>
      new Map(
        (proposals.data?.proposals ?? []).flatMap(p =>
          p.itemIds.map(id => [id, p] as const),
        ),
      ),
    [proposals.data],
  );

  const onProposed = (result: AdoptionResultV1) => {
    setAdoption(undefined);
    setProposed(result);
    void proposals.refresh();
  };

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
      {!isStalwartInstance(entity) && <SetupEmptyState missing="annotation" />}
      {isStalwartInstance(entity) && lifecycle && !deployed && (
        <DriftNotDeployed lifecycle={lifecycle} />
      )}
      {isStalwartInstance(entity) && deployed && (
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
                  status="success"
                  role="status"
                  icon
                  title={appliedMessage(applied)}
                  customActions={
                    <ButtonIcon
                      aria-label="Dismiss"
                      variant="tertiary"
                      icon={<span aria-hidden>×</span>}
                      onPress={() => setApplied(undefined)}
                    />
                  }
                />
              )}
              {proposals.error && (
                <Alert
                  status="warning"
                  role="status"
                  icon
                  title={`Could not list the open adoption proposals: ${errorMessage(
                    proposals.error,
                  )}`}
                  description="An item already proposed may offer Keep live value again; a second proposal of it is refused."
                />
              )}
              {proposed && (
                <Alert
                  status="success"
                  role="status"
                  icon
                  title={`Adoption proposed on branch ${proposed.branch}: merge it to keep the live value.`}
                  description={
                    proposed.url && (
                      <Link href={proposed.url} target="_blank">
                        Review it: {proposed.url}
                      </Link>
                    )
                  }
                  customActions={
                    <ButtonIcon
                      aria-label="Dismiss"
                      variant="tertiary"
                      icon={<span aria-hidden>×</span>}
                      onPress={() => setProposed(undefined)}
                    />
                  }
                />
              )}
              <DriftView
                drift={data}
                query={query}
                onQueryChange={setQuery}
                onRemediate={reset.allowed ? setTarget : undefined}
                slots={{
                  itemActions: item => (
                    <KeepLiveButton
                      item={item}
                      engine={data.engine}
                      allowed={adopt.allowed}
                      proposal={proposalOf.get(item.id)}
                      onKeepLive={chosen =>
                        setAdoption({
                          itemIds: [chosen.id],
                          subject: itemName(chosen),
                        })
                      }
                    />
                  ),
                }}
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
      {adoption && (
        <AdoptionDialog
          entityRef={entityRef}
          target={adoption}
          onClose={() => setAdoption(undefined)}
          onProposed={onProposed}
        />
      )}
    </SectionCard>
  );
}
