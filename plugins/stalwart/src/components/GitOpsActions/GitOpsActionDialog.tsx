import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Typography,
} from '@material-ui/core';
import { Alert, Skeleton } from '@material-ui/lab';
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
    <Dialog open onClose={onClose} aria-labelledby="gitops-action-title">
      <DialogTitle id="gitops-action-title">
        {button.label}: {button.owner}
      </DialogTitle>
      <DialogContent>
        {state.step === 'planning' && <Skeleton variant="rect" height={80} />}
        {(state.step === 'planned' || state.step === 'applying') && (
          <>
            <DialogContentText>
              These JSON merge patches will be sent to cluster{' '}
              {state.plan.cluster}:
            </DialogContentText>
            <ol aria-label="Patches">
              {state.plan.patches.map((patch, index) => (
                <li key={index}>
                  <Typography variant="body2">{patch.description}</Typography>
                  <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
                    {JSON.stringify(patch.body, null, 2)}
                  </pre>
                </li>
              ))}
            </ol>
          </>
        )}
        {state.step === 'done' && (
          <Alert severity={state.result.observed?.handled ? 'success' : 'info'}>
            {observedText(state.result)}
          </Alert>
        )}
        {state.step === 'failed' && (
          <Alert severity="error">{errorMessage(state.error)}</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>
          {state.step === 'done' ? 'Close' : 'Cancel'}
        </Button>
        {(state.step === 'planned' || state.step === 'applying') && (
          <Button
            color="primary"
            variant="contained"
            disabled={state.step === 'applying'}
            onClick={() => apply(state.plan)}
          >
            {button.label}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
