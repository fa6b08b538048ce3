import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Text } from '@backstage/ui';
import type { GitOpsActionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { stalwartApiRef } from '../../api/StalwartApi';
import { PreviewApplyDialog } from '../common/PreviewApplyDialog';
import type { GitOpsButton } from './gitopsButtons';

function observedText(result: GitOpsActionResultV1): string {
  const observed = result.observed;
  if (!observed) return '';
  const state = observed.operationState;
  const details = [
    observed.lastHandledReconcileAt &&
      `last handled reconcile request ${observed.lastHandledReconcileAt}`,
    observed.reconciledAt && `compared with git at ${observed.reconciledAt}`,
    state &&
      `operation ${state.phase}${state.message ? `: ${state.message}` : ''}`,
    observed.suspended !== undefined &&
      (observed.suspended ? 'suspended' : 'not suspended'),
  ].filter(Boolean);
  return `${
    observed.handled
      ? 'The controller handled it'
      : 'Sent; the controller has not answered yet'
  }${details.length ? ` (${details.join('; ')})` : ''}.`;
}

/** Previews a GitOps action as the exact patches, runs it only when confirmed, shows the answer. */
export function GitOpsActionDialog(props: {
  entityRef: CompoundEntityRef;
  button: GitOpsButton;
  onClose: () => void;
}) {
  const api = useApi(stalwartApiRef);
  const { entityRef, button } = props;
  return (
    <PreviewApplyDialog<GitOpsActionResultV1>
      title={`${button.label}: ${button.owner}`}
      width="min(720px, 90vw)"
      previewingLabel="Planning the action"
      previewKey={button}
      preview={signal =>
        api.runGitOpsAction(
          entityRef,
          button.action,
          { dryRun: true, cluster: button.cluster },
          { signal },
        )
      }
      renderPlan={plan => <PatchList plan={plan} />}
      canApply={() => true}
      apply={async plan => {
        const result = await api.runGitOpsAction(entityRef, button.action, {
          dryRun: false,
          cluster: plan.cluster,
        });
        return (
          <Alert
            status={result.observed?.handled ? 'success' : 'info'}
            icon
            title={observedText(result)}
          />
        );
      }}
      applyLabel={button.label}
      applyingLabel={button.label}
      failureTitles={{
        preview: 'Planning the action failed',
        apply: `${button.label} failed`,
      }}
      onClose={props.onClose}
    />
  );
}

function PatchList(props: { plan: GitOpsActionResultV1 }) {
  const { plan } = props;
  return (
    <div>
      <Text as="p" variant="body-medium">
        These JSON merge patches will be sent to cluster {plan.cluster}:
      </Text>
      <ol aria-label="Patches">
        {plan.patches.map((patch, index) => (
          <li key={index}>
            <Text as="p" variant="body-medium">
              {patch.description}
            </Text>
            <pre
              style={{
                whiteSpace: 'pre-wrap',
                fontFamily: 'var(--bui-font-monospace)',
                fontSize: 'var(--bui-font-size-2)',
              }}
            >
              {JSON.stringify(patch.body, null, 2)}
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
