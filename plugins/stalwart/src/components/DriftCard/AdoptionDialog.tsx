import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Flex, Text } from '@backstage/ui';
import type { AdoptionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { stalwartApiRef } from '../../api/StalwartApi';
import { errorMessage } from '../common/describeError';
import { PreviewApplyDialog } from '../common/PreviewApplyDialog';
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

const isConflict = (error: unknown) =>
  error instanceof ResponseError && error.statusCode === 409;

/** The live value moved since the preview: proposing the previewed one would be wrong. */
class LiveValueConflictError extends Error {
  constructor(readonly conflict: LiveValueConflict) {
    super(conflict.message);
    this.name = 'LiveValueConflictError';
  }
}

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
  const { entityRef, target, onProposed } = props;

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

  const propose = async (plan: AdoptionResultV1) => {
    try {
      onProposed(
        await api.adopt(entityRef, {
          itemIds: target.itemIds,
          dryRun: false,
          expectedLive: plan.expectedLive,
        }),
      );
    } catch (error) {
      if (!isConflict(error)) throw error;
      throw new LiveValueConflictError(await conflictOf(plan, error as Error));
    }
  };

  return (
    <PreviewApplyDialog<AdoptionResultV1>
      title={`Keep live value: ${target.subject}`}
      ariaLabel={`Keep live value: ${target.subject}`}
      width={760}
      intro={
        <Text as="p" variant="body-medium">
          Writes the value Stalwart runs into git, on a branch of the fleet
          repository for review; once merged and reconciled the setting reads in
          sync.
        </Text>
      }
      previewingLabel="Preparing the change"
      previewKey={target}
      preview={signal =>
        api.adopt(
          entityRef,
          { itemIds: target.itemIds, dryRun: true },
          { signal },
        )
      }
      renderPlan={plan => <AdoptionPreview plan={plan} />}
      canApply={plan => plan.adopted.length > 0}
      apply={propose}
      applyLabel="Propose in git"
      applyingLabel="Proposing…"
      failureTitles={{
        preview: 'Preparing the change failed',
        apply: 'Proposing failed',
      }}
      renderFailure={error =>
        error instanceof LiveValueConflictError ? (
          <ConflictAlert conflict={error.conflict} />
        ) : undefined
      }
      retryable={error => !(error instanceof LiveValueConflictError)}
      onClose={props.onClose}
    />
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
