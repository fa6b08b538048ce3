import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Skeleton,
  Text,
} from '@backstage/ui';
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
      isOpen
      onOpenChange={isOpen => !isOpen && onClose()}
      width="min(900px, 90vw)"
    >
      <DialogHeader>
        {label}: {target.subject}
      </DialogHeader>
      <DialogBody>
        <Text as="p" variant="body-medium" color="secondary">
          {DRIFT_REMEDIATIONS[target.action].description}
        </Text>
        {state.step === 'planning' && (
          <Flex
            direction="column"
            gap="2"
            mt="3"
            role="progressbar"
            aria-label="Planning the remediation"
          >
            <Skeleton width="100%" height={20} />
            <Skeleton width="100%" height={20} />
          </Flex>
        )}
        {plan && <RemediationPlanView plan={plan} />}
        {state.step === 'failed' && (
          <Alert
            status="danger"
            icon
            role="alert"
            title={`${
              plan ? 'Applying the plan failed: ' : 'Planning failed: '
            }${errorMessage(state.error)}`}
          />
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="primary"
          onPress={apply}
          isDisabled={
            !plan || plan.calls.length === 0 || state.step === 'applying'
          }
        >
          {state.step === 'applying' ? 'Applying…' : 'Apply plan'}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
