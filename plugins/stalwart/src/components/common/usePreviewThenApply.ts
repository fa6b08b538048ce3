import { type ReactNode, useEffect, useRef, useState } from 'react';

/** An apply that failed after it changed the plan to show, e.g. an executed plan that stopped. */
export class ApplyFailedError<P> extends Error {
  constructor(message: string, readonly plan: P) {
    super(message);
    this.name = 'ApplyFailedError';
  }
}

export type PreviewApplyState<P> =
  | { step: 'previewing' }
  | { step: 'previewed' | 'applying'; plan: P }
  | { step: 'failed'; plan?: P; error: Error }
  | { step: 'done'; plan: P; outcome: ReactNode };

/**
 * The dry run first, the real call only when asked: previews again whenever `previewKey`
 * changes, and keeps the plan on screen when the apply fails. `apply` resolves with what to
 * show when done, or with nothing when the caller closes the dialog itself.
 */
export function usePreviewThenApply<P>(options: {
  preview: (signal: AbortSignal) => Promise<P>;
  previewKey: unknown;
  apply: (plan: P) => Promise<ReactNode | void>;
}) {
  const [state, setState] = useState<PreviewApplyState<P>>({
    step: 'previewing',
  });
  const preview = useRef(options.preview);
  preview.current = options.preview;

  useEffect(() => {
    const controller = new AbortController();
    setState({ step: 'previewing' });
    preview.current(controller.signal).then(
      plan => {
        if (!controller.signal.aborted) setState({ step: 'previewed', plan });
      },
      error => {
        if (!controller.signal.aborted) setState({ step: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [options.previewKey]);

  const plan = 'plan' in state ? state.plan : undefined;
  const apply = async () => {
    if (!plan) return;
    setState({ step: 'applying', plan });
    try {
      const outcome = await options.apply(plan);
      if (outcome !== undefined && outcome !== null)
        setState({ step: 'done', plan, outcome });
    } catch (error) {
      setState({
        step: 'failed',
        plan: error instanceof ApplyFailedError ? (error.plan as P) : plan,
        error: error as Error,
      });
    }
  };
  return { state, plan, apply };
}
