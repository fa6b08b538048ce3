import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
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
import type { AdoptionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { useEffect, useState } from 'react';
import { stalwartApiRef } from '../../api/StalwartApi';
import { errorMessage } from '../common/describeError';
import { AdoptionPreview } from './AdoptionPreview';

export interface AdoptionTarget {
  itemIds: string[];
  /** What the dialog title names: a setting. */
  subject: string;
}

/** The live values the preview showed and those the server runs now, when they differ. */
export interface LiveValueConflict {
  message: string;
  changed: Array<{
    itemId: string;
    previewed: string | null;
    now: string | null;
  }>;
}

type DialogState =
  | { step: 'previewing' }
  | { step: 'previewed'; plan: AdoptionResultV1 }
  | { step: 'proposing'; plan: AdoptionResultV1 }
  | { step: 'conflict'; plan: AdoptionResultV1; conflict: LiveValueConflict }
  | { step: 'failed'; plan?: AdoptionResultV1; error: Error };

const isConflict = (error: unknown) =>
  error instanceof ResponseError && error.statusCode === 409;

/**
 * Keeps live values: shows the dry run's diff and target branch first, commits only when
 * confirmed, and when the live value moved since the preview shows both values.
 */
export function AdoptionDialog(props: {
  entityRef: CompoundEntityRef;
  target: AdoptionTarget;
  onClose: () => void;
  onProposed: (result: AdoptionResultV1) => void;
}) {
  const api = useApi(stalwartApiRef);
  const { entityRef, target, onClose, onProposed } = props;
  const [state, setState] = useState<DialogState>({ step: 'previewing' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ step: 'previewing' });
    api
      .adopt(
        entityRef,
        { itemIds: target.itemIds, dryRun: true },
        { signal: controller.signal },
      )
      .then(
        plan => setState({ step: 'previewed', plan }),
        error => {
          if (!controller.signal.aborted) setState({ step: 'failed', error });
        },
      );
    return () => controller.abort();
  }, [api, entityRef, target]);

  const plan = state.step === 'previewing' ? undefined : state.plan;

  const conflictOf = async (
    previewed: AdoptionResultV1,
    error: Error,
  ): Promise<LiveValueConflict> => {
    const now = await api
      .adopt(entityRef, { itemIds: target.itemIds, dryRun: true })
      .catch(() => undefined);
    return {
      message: errorMessage(error),
      changed: Object.entries(previewed.expectedLive)
        .map(([itemId, value]) => ({
          itemId,
          previewed: value,
          now: now?.expectedLive[itemId] ?? null,
        }))
        .filter(c => now && c.previewed !== c.now),
    };
  };

  const propose = async () => {
    if (!plan) return;
    setState({ step: 'proposing', plan });
    try {
      onProposed(
        await api.adopt(entityRef, {
          itemIds: target.itemIds,
          dryRun: false,
          expectedLive: plan.expectedLive,
        }),
      );
    } catch (error) {
      if (isConflict(error))
        setState({
          step: 'conflict',
          plan,
          conflict: await conflictOf(plan, error as Error),
        });
      else setState({ step: 'failed', plan, error: error as Error });
    }
  };

  return (
    <Dialog
      isOpen
      onOpenChange={open => !open && onClose()}
      width={760}
      aria-label={`Keep live value: ${target.subject}`}
    >
      <DialogHeader>Keep live value: {target.subject}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text as="p" variant="body-medium">
            Writes the value Stalwart runs into git, on a branch of the fleet
            repository for review; once merged and reconciled the setting reads
            in sync.
          </Text>
          {state.step === 'previewing' && (
            <div role="progressbar" aria-label="Preparing the change">
              <Skeleton width="100%" height={16} />
              <Skeleton width="80%" height={16} />
            </div>
          )}
          {plan && <AdoptionPreview plan={plan} />}
          {state.step === 'conflict' && (
            <ConflictAlert conflict={state.conflict} />
          )}
          {state.step === 'failed' && (
            <Alert
              status="danger"
              role="alert"
              icon
              title={plan ? 'Proposing failed' : 'Preparing the change failed'}
              description={errorMessage(state.error)}
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="primary"
          onPress={propose}
          isDisabled={
            !plan ||
            plan.adopted.length === 0 ||
            state.step === 'proposing' ||
            state.step === 'conflict'
          }
        >
          {state.step === 'proposing' ? 'Proposing…' : 'Propose in git'}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

function ConflictAlert(props: { conflict: LiveValueConflict }) {
  const { conflict } = props;
  return (
    <Alert
      status="warning"
      role="alert"
      icon
      title="Not proposed: the setting changed since this preview"
      description={
        <Flex direction="column" gap="1">
          <Text as="p" variant="body-small">
            {conflict.message}
          </Text>
          {conflict.changed.map(c => (
            <dl key={c.itemId} aria-label={`Live values of ${c.itemId}`}>
              <dt>When previewed</dt>
              <dd>
                <code>{c.previewed ?? '(absent)'}</code>
              </dd>
              <dt>Now</dt>
              <dd>
                <code>{c.now ?? '(absent)'}</code>
              </dd>
            </dl>
          ))}
        </Flex>
      }
    />
  );
}
