import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Skeleton,
} from '@backstage/ui';
import type { ReactNode } from 'react';
import { errorMessage } from './describeError';
import { usePreviewThenApply } from './usePreviewThenApply';

/**
 * A change that is previewed as a dry run before it is made: remediation, adoption, GitOps
 * actions. The caller says how to preview, show and apply its plan; this dialog owns the steps.
 */
export function PreviewApplyDialog<P>(props: {
  title: ReactNode;
  /** The dialog's accessible name when the title is not plain text. */
  ariaLabel?: string;
  width: number | string;
  intro?: ReactNode;
  /** Names the progress bar shown while the dry run runs. */
  previewingLabel: string;
  preview: (signal: AbortSignal) => Promise<P>;
  /** A new key previews again. */
  previewKey: unknown;
  renderPlan: (plan: P) => ReactNode;
  canApply: (plan: P) => boolean;
  /** Resolves with what to show once done, or with nothing when the caller closes the dialog. */
  apply: (plan: P) => Promise<ReactNode | void>;
  applyLabel: string;
  applyingLabel: string;
  /** How a failure is titled, before its message. */
  failureTitles: { preview: string; apply: string };
  /** A failure shown another way than the default alert (undefined: the default). */
  renderFailure?: (error: Error) => ReactNode | undefined;
  /** Whether the apply may be tried again after this failure (default: yes). */
  retryable?: (error: Error) => boolean;
  onClose: () => void;
}) {
  const { state, plan, apply } = usePreviewThenApply(props);
  const failure =
    state.step === 'failed' &&
    (props.renderFailure?.(state.error) ?? (
      <Alert
        status="danger"
        icon
        role="alert"
        title={`${
          plan ? props.failureTitles.apply : props.failureTitles.preview
        }: ${errorMessage(state.error)}`}
      />
    ));
  const blocked =
    state.step === 'failed' && props.retryable?.(state.error) === false;
  return (
    <Dialog
      isOpen
      onOpenChange={isOpen => !isOpen && props.onClose()}
      width={props.width}
      aria-label={props.ariaLabel}
    >
      <DialogHeader>{props.title}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          {props.intro}
          {state.step === 'previewing' && (
            <Flex
              direction="column"
              gap="2"
              role="progressbar"
              aria-label={props.previewingLabel}
            >
              <Skeleton width="100%" height={20} />
              <Skeleton width="80%" height={20} />
            </Flex>
          )}
          {plan !== undefined && props.renderPlan(plan)}
          {state.step === 'done' && state.outcome}
          {failure}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={props.onClose}>
          {state.step === 'done' ? 'Close' : 'Cancel'}
        </Button>
        {state.step !== 'done' && (
          <Button
            variant="primary"
            onPress={apply}
            isDisabled={
              plan === undefined ||
              !props.canApply(plan) ||
              state.step === 'applying' ||
              blocked
            }
          >
            {state.step === 'applying' ? props.applyingLabel : props.applyLabel}
          </Button>
        )}
      </DialogFooter>
    </Dialog>
  );
}
