import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@material-ui/core';
import { Alert, Skeleton } from '@material-ui/lab';
import type {
  DriftRemediationAction,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_REMEDIATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import { useEffect, useState } from 'react';
import { stalwartApiRef } from '../../api/StalwartApi';
import { errorMessage } from '../common/describeError';
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

type DialogState =
  | { step: 'planning' }
  | { step: 'planned'; plan: RemediationResultV1 }
  | { step: 'applying'; plan: RemediationResultV1 }
  | { step: 'failed'; plan?: RemediationResultV1; error: Error };

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
  const { entityRef, target, onClose, onApplied } = props;
  const [state, setState] = useState<DialogState>({ step: 'planning' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ step: 'planning' });
    api
      .remediate(
        entityRef,
        { action: target.action, itemIds: target.itemIds, dryRun: true },
        { signal: controller.signal },
      )
      .then(
        plan => setState({ step: 'planned', plan }),
        error => {
          if (!controller.signal.aborted) setState({ step: 'failed', error });
        },
      );
    return () => controller.abort();
  }, [api, entityRef, target]);

  const plan = state.step === 'planning' ? undefined : state.plan;
  const apply = async () => {
    if (!plan) return;
    setState({ step: 'applying', plan });
    try {
      const applied = await api.remediate(entityRef, {
        action: target.action,
        itemIds: target.itemIds,
        dryRun: false,
      });
      const failure = executionFailure(applied);
      if (failure) {
        setState({ step: 'failed', plan: applied, error: failure });
      } else {
        onApplied(applied);
      }
    } catch (error) {
      setState({ step: 'failed', plan, error: error as Error });
    }
  };

  const label = DRIFT_REMEDIATIONS[target.action].label;
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="stalwart-remediation-title"
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id="stalwart-remediation-title">
        {label}: {target.subject}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {DRIFT_REMEDIATIONS[target.action].description}
        </DialogContentText>
        {state.step === 'planning' && (
          <div role="progressbar" aria-label="Planning the remediation">
            <Skeleton variant="text" />
            <Skeleton variant="text" />
          </div>
        )}
        {plan && <RemediationPlanView plan={plan} />}
        {state.step === 'failed' && (
          <Alert severity="error" role="alert">
            {plan ? 'Applying the plan failed: ' : 'Planning failed: '}
            {errorMessage(state.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={apply}
          disabled={
            !plan || plan.calls.length === 0 || state.step === 'applying'
          }
        >
          {state.step === 'applying' ? 'Applying…' : 'Apply plan'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
