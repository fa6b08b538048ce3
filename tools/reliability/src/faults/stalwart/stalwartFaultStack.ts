import {
  startBackendWithSimulator,
  waitFor,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';
import type { InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * How the backend reaches Stalwart in every Stalwart fault test: small, so retries and
 * timeouts play out in seconds (stalwart.connection in plugins/stalwart-backend/config.d.ts).
 */
export const CONNECTION = {
  requestTimeoutSeconds: 2,
  maxRetries: 2,
  maxRetryAfterSeconds: 5,
};

/** The demo's two instances (examples/stalwart-demo.yaml): one per engine. */
export const ENGINES = {
  'v0.15': {
    entity: 'stalwart',
    cluster: 'homelab',
    namespace: 'stalwart',
    release: 'stalwart',
  },
  'v0.16': {
    entity: 'mail-edge',
    cluster: 'edge',
    namespace: 'mail',
    release: 'mail',
  },
} as const;

export type Engine = keyof typeof ENGINES;

/** One answer of a route: its HTTP status, body and how long it took. */
export interface RouteAnswer<T> {
  status: number;
  body: T;
  seconds: number;
}

export type StalwartFaultStack = BackendWithSimulator & {
  drift(
    entity: string,
  ): Promise<RouteAnswer<InstanceDriftResponseV1 & { error?: any }>>;
  status(entity: string): Promise<RouteAnswer<any>>;
};

/** The example backend on the demo simulator, warm: both instances answer a drift read. */
export async function startStalwartFaultStack(): Promise<StalwartFaultStack> {
  const stack = await startBackendWithSimulator({
    config: {
      stalwart: {
        connection: {
          requestTimeout: { seconds: CONNECTION.requestTimeoutSeconds },
          maxRetries: CONNECTION.maxRetries,
          maxRetryAfter: { seconds: CONNECTION.maxRetryAfterSeconds },
        },
      },
    },
  });

  async function get<T>(
    entity: string,
    route: string,
  ): Promise<RouteAnswer<T>> {
    const started = Date.now();
    const res = await stack.request(
      `/api/stalwart/v1/entities/default/component/${entity}/${route}`,
    );
    const body = (await res.json()) as T;
    return { status: res.status, body, seconds: (Date.now() - started) / 1000 };
  }

  const drift = (entity: string) => get<any>(entity, 'drift');
  const status = (entity: string) => get<any>(entity, 'status');

  try {
    for (const { entity } of Object.values(ENGINES)) {
      // 404 until the catalog has ingested the demo entities.
      await waitFor(
        `a drift read of ${entity}`,
        async () => ((await drift(entity)).status === 200 ? true : undefined),
        { timeoutMs: 120_000, intervalMs: 500 },
      );
    }
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return { ...stack, drift, status };
}
