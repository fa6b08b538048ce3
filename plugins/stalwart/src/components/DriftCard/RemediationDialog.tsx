import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { Text } from '@backstage/ui';
import type {
  DriftRemediationAction,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_REMEDIATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import { stalwartApiRef } from '../../api/StalwartApi';
import { PreviewApplyDialog } from '../common/PreviewApplyDialog';
import { ApplyFailedError } from '../common/usePreviewThenApply';
import { RemediationPlanView } from './RemediationPlanView';

export interface RemediationTarget {
  action: DriftRemediationAction;
  itemIds: string[];
  /** What the dialog title names: a setting, or "3 pods". */
  subject: string;
}

/** Why an executed plan stopped: the first call that failed, numbered as the preview lists them. */
function executionFailure(result: RemediationResultV1): Error | undefined {
  if (!result.execution || result.execution.completed) return undefined;
  const failed = result.execution.results.find(r => r.outcome === 'failed');
  if (!failed) return new Error('the plan stopped before its last call');
  return new Error(
    `call ${failed.index + 1} failed${
      failed.error?.statusCode ? ` (HTTP ${failed.error.statusCode})` : ''
    }: ${failed.error?.message ?? 'no reason given'}`,
  );
}

/**
 * Confirms a remediation: shows the backend's dry-run plan first, applies it only when asked,
 * then reports back so the drift is read again.
 */
export function RemediationDialog(props: {
  entityRef: CompoundEntityRef;
  target: RemediationTarget;
  onClose: () => void;
  onApplied: (plan: RemediationResultV1) => void;
}) {
  const api = useApi(stalwartApiRef);
  const { entityRef, target, onApplied } = props;
  const { label, description } = DRIFT_REMEDIATIONS[target.action];
  const request = { action: target.action, itemIds: target.itemIds };
  return (
    <PreviewApplyDialog<RemediationResultV1>
      title={`${label}: ${target.subject}`}
      width="min(900px, 90vw)"
      intro={
        <Text as="p" variant="body-medium" color="secondary">
          {description}
        </Text>
      }
      previewingLabel="Planning the remediation"
      previewKey={target}
      preview={signal =>
        api.remediate(entityRef, { ...request, dryRun: true }, { signal })
      }
      renderPlan={plan => <RemediationPlanView plan={plan} />}
      canApply={plan => plan.calls.length > 0}
      apply={async () => {
        const applied = await api.remediate(entityRef, {
          ...request,
          dryRun: false,
        });
        const failure = executionFailure(applied);
        if (failure) throw new ApplyFailedError(failure.message, applied);
        onApplied(applied);
      }}
      applyLabel="Apply plan"
      applyingLabel="Applying…"
      failureTitles={{
        preview: 'Planning failed',
        apply: 'Applying the plan failed',
      }}
      onClose={props.onClose}
    />
  );
}
