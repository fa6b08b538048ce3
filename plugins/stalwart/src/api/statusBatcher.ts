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
 * Status reads made in the same turn of the event loop, sent as `POST /v1/statuses` batches:
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
        setTimeout(() => this.flush(), 0);
      }
    });
  }

  private flush() {
    this.scheduled = false;
    const waiting = this.waiting.filter(w => {
      if (!w.signal?.aborted) return true;
      w.reject(w.signal.reason);
      return false;
    });
    this.waiting = [];
    if (waiting.length === 1) {
      const [only] = waiting;
      this.send
        .one(only.entityRef, only.signal)
        .then(only.resolve, only.reject);
      return;
    }
    for (let i = 0; i < waiting.length; i += STATUS_BATCH_MAX_ENTITIES) {
      this.sendBatch(waiting.slice(i, i + STATUS_BATCH_MAX_ENTITIES));
    }
  }

  private sendBatch(batch: Waiting[]) {
    this.send.batch(batch.map(w => w.entityRef)).then(
      ({ url, body }) =>
        batch.forEach((w, i) => {
          const item = body.items[i];
          if (item && 'status' in item) w.resolve(item.status);
          else if (item) itemError(url, item).then(w.reject);
          else w.reject(new Error(`No status for ${w.entityRef} in the batch`));
        }),
      error => batch.forEach(w => w.reject(error)),
    );
  }
}
