import { ResponseError } from '@backstage/errors';
import type {
  InstanceStatusBatchItemV1,
  InstanceStatusBatchResponseV1,
  InstanceStatusResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { STATUS_BATCH_MAX_ENTITIES } from '@stalwart-backstage/plugin-stalwart-common';

interface Waiting {
  entityRef: string;
  signal?: AbortSignal;
  resolve(status: InstanceStatusResponseV1): void;
  reject(error: unknown): void;
}

const STATUS_CODES: Record<string, number> = {
  NotAllowedError: 403,
  NotFoundError: 404,
};

/** A batch item's error as the single-entity route would have thrown it, so pages read it alike. */
function itemError(
  url: string,
  item: Extract<InstanceStatusBatchItemV1, { error: unknown }>,
): Promise<ResponseError> {
  const statusCode = STATUS_CODES[item.error.name] ?? 500;
  const body = {
    error: item.error,
    request: { method: 'POST', url },
    response: { statusCode },
  };
  return ResponseError.fromResponse({
    headers: new Headers({ 'content-type': 'application/json' }),
    ok: false,
    redirected: false,
    status: statusCode,
    statusText: item.error.name,
    type: 'basic',
    url,
    text: async () => JSON.stringify(body),
  });
}

/**
 * Status reads made in the same synchronous pass (a page's effects), sent as `POST /v1/statuses` batches:
 * the fleet page asks for every instance at once, and one request per instance would pay the
 * backend's fixed cost of a request thousands of times. A read alone (an entity's tab) keeps
 * its own `GET`.
 */
export class StatusBatcher {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly send: {
      one(
        entityRef: string,
        signal?: AbortSignal,
      ): Promise<InstanceStatusResponseV1>;
      batch(
        entityRefs: string[],
      ): Promise<{ url: string; body: InstanceStatusBatchResponseV1 }>;
    },
  ) {}

  load(entityRef: string, signal?: AbortSignal) {
    return new Promise<InstanceStatusResponseV1>((resolve, reject) => {
      this.waiting.push({ entityRef, signal, resolve, reject });
      // A reader that gives up is answered at once; the batch goes on for the others.
      signal?.addEventListener('abort', () => reject(signal.reason), {
        once: true,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        // A page's effects ask for all their queries in one synchronous pass: gathering until
        // the next microtask sends them together without holding any back.
        queueMicrotask(() => this.flush());
      }
    });
  }

  private flush() {
    this.scheduled = false;
    // Readers of the same entity in one pass share one answer.
    const readers = new Map<string, Waiting[]>();
    for (const w of this.waiting) {
      if (w.signal?.aborted) w.reject(w.signal.reason);
      else readers.set(w.entityRef, [...(readers.get(w.entityRef) ?? []), w]);
    }
    this.waiting = [];
    const refs = [...readers.keys()];
    if (refs.length === 1) {
      const [ref] = refs;
      const those = readers.get(ref)!;
      // A lone reader's signal may cancel the request; shared, it runs for the others.
      const signal = those.length === 1 ? those[0].signal : undefined;
      this.send.one(ref, signal).then(
        status => those.forEach(w => w.resolve(status)),
        error => those.forEach(w => w.reject(error)),
      );
      return;
    }
    for (let i = 0; i < refs.length; i += STATUS_BATCH_MAX_ENTITIES) {
      this.sendBatch(refs.slice(i, i + STATUS_BATCH_MAX_ENTITIES), readers);
    }
  }

  private sendBatch(refs: string[], readers: Map<string, Waiting[]>) {
    const each = (ref: string, settle: (w: Waiting) => void) =>
      readers.get(ref)!.forEach(settle);
    this.send.batch(refs).then(
      ({ url, body }) =>
        refs.forEach((ref, i) => {
          const item = body.items[i];
          if (item && 'status' in item) {
            each(ref, w => w.resolve(item.status));
          } else if (item) {
            itemError(url, item).then(error => each(ref, w => w.reject(error)));
          } else {
            const error = new Error(`No status for ${ref} in the batch`);
            each(ref, w => w.reject(error));
          }
        }),
      error => refs.forEach(ref => each(ref, w => w.reject(error))),
    );
  }
}
