/** A call that runs `run` at most once per animation frame, however often it is asked. */
export interface CoalescedCall {
  (): void;
  cancel(): void;
}

/**
 * Runs `run` once in the next animation frame after any number of calls; outside a browser
 * (no `requestAnimationFrame`), after a frame's worth of time.
 */
export function coalescePerFrame(run: () => void): CoalescedCall {
  let pending: (() => void) | undefined;
  const call = () => {
    if (pending) return;
    pending = schedule(() => {
      pending = undefined;
      run();
    });
  };
  call.cancel = () => {
    pending?.();
    pending = undefined;
  };
  return call;
}

/** Schedules `fn` for the next frame; returns how to cancel it. */
function schedule(fn: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
}

/**
 * Runs `fn` once the next frame is painted: a timeout set in a frame callback runs after that
 * frame's paint. Returns how to cancel it.
 */
export function afterNextPaint(fn: () => void): () => void {
  let cancelTimeout: (() => void) | undefined;
  const cancelFrame = schedule(() => {
    const id = setTimeout(fn);
    cancelTimeout = () => clearTimeout(id);
  });
  return () => {
    cancelFrame();
    cancelTimeout?.();
  };
}
