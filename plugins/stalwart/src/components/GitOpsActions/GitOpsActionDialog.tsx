import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Skeleton,
  Text,
} from '@backstage/ui';
import type { GitOpsActionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { useEffect, useState } from 'react';
import { stalwartApiRef } from '../../api/StalwartApi';
import { errorMessage } from '../common/describeError';
import type { GitOpsButton } from './gitopsButtons';

type DialogState =
  | { step: 'planning' }
  | { step: 'planned' | 'applying'; plan: GitOpsActionResultV1 }
  | { step: 'done'; result: GitOpsActionResultV1 }
  | { step: 'failed'; error: Error };

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
  const { entityRef, button, onClose } = props;
  const [state, setState] = useState<DialogState>({ step: 'planning' });

  useEffect(() => {
    const controller = new AbortController();
    api
      .runGitOpsAction(
        entityRef,
        button.action,
        { dryRun: true, cluster: button.cluster },
        { signal: controller.signal },
      )
      .then(plan => setState({ step: 'planned', plan }))
      .catch(error => {
        if (!controller.signal.aborted) setState({ step: 'failed', error });
      });
    return () => controller.abort();
  }, [api, entityRef, button]);

  const apply = (plan: GitOpsActionResultV1) => {
    setState({ step: 'applying', plan });
    api
      .runGitOpsAction(entityRef, button.action, {
        dryRun: false,
        cluster: plan.cluster,
      })
      .then(result => setState({ step: 'done', result }))
      .catch(error => setState({ step: 'failed', error }));
  };

  return (
    <Dialog
      isOpen
      onOpenChange={isOpen => !isOpen && onClose()}
      width="min(720px, 90vw)"
    >
      <DialogHeader>
        {button.label}: {button.owner}
      </DialogHeader>
      <DialogBody>
        {state.step === 'planning' && (
          <div role="progressbar" aria-label="Planning the action">
            <Skeleton width="100%" height={80} />
          </div>
        )}
        {(state.step === 'planned' || state.step === 'applying') && (
          <>
            <Text as="p" variant="body-medium">
              These JSON merge patches will be sent to cluster{' '}
              {state.plan.cluster}:
            </Text>
            <ol aria-label="Patches">
              {state.plan.patches.map((patch, index) => (
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
          </>
        )}
        {state.step === 'done' && (
          <Alert
            status={state.result.observed?.handled ? 'success' : 'info'}
            icon
            title={observedText(state.result)}
          />
        )}
        {state.step === 'failed' && (
          <Alert status="danger" icon title={errorMessage(state.error)} />
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          {state.step === 'done' ? 'Close' : 'Cancel'}
        </Button>
        {(state.step === 'planned' || state.step === 'applying') && (
          <Button
            variant="primary"
            isDisabled={state.step === 'applying'}
            onPress={() => apply(state.plan)}
          >
            {button.label}
          </Button>
        )}
      </DialogFooter>
    </Dialog>
  );
}
