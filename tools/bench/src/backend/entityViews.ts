import type {
  InstanceStatusBatchItemV1,
  InstanceStatusBatchResponseV1,
  InstanceStatusResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { FleetInstance } from '../fleet/fleetInstances';

/** What opening an entity's page asked of the backend, as the browser would see it. */
export interface ViewOutcome {
  ms: number;
  /** Every call answered 200. */
  ok: boolean;
  /** The answer holds the instance's workload, pods and certificate from its cluster. */
  complete: boolean;
  error?: string;
}

/** The two plugins, as the benchmark's rows and the JSON name them. */
export type PluginName = 'stalwart' | 'core';

export type ViewFunction = (instance: FleetInstance) => Promise<ViewOutcome>;

/** Asks for several instances at once; one outcome per instance, in order. */
export type BatchViewFunction = (
  instances: FleetInstance[],
) => Promise<ViewOutcome[]>;

/** A view asked for each instance of a batch separately, all at once. */
export const eachAlone =
  (view: ViewFunction): BatchViewFunction =>
  instances =>
    Promise.all(instances.map(view));

const VIEW_TIMEOUT_MS = 30_000;

const CERTIFICATES = {
  group: 'cert-manager.io',
  apiVersion: 'v1',
  plural: 'certificates',
};

type CoreItems = {
  items?: Array<{
    cluster: { name: string };
    resources: Array<{ type: string; resources: unknown[] }>;
  }>;
};

async function timed(calls: () => Promise<Omit<ViewOutcome, 'ms'>>) {
  const started = performance.now();
  try {
    const outcome = await calls();
    return { ms: performance.now() - started, ...outcome };
  } catch (error) {
    return {
      ms: performance.now() - started,
      ok: false,
      complete: false,
      error: String((error as Error).message ?? error),
    };
  }
}

/** How many objects of `type` the core plugin returned for the instance's cluster. */
function coreCount(body: CoreItems, cluster: string, type: string): number {
  const item = body.items?.find(i => i.cluster.name === cluster);
  return item?.resources.find(r => r.type === type)?.resources.length ?? 0;
}

/** Views an entity the way this project's Mail server tab loads it: one status request. */
export function stalwartView(baseUrl: string, token: string): ViewFunction {
  return instance =>
    timed(async () => {
      const res = await fetch(
        `${baseUrl}/api/stalwart/v1/entities/default/component/${encodeURIComponent(
          instance.entityName,
        )}/status`,
        {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(VIEW_TIMEOUT_MS),
        },
      );
      if (res.status !== 200) {
        return {
          ok: false,
          complete: false,
          error: `status answered ${res.status}: ${(await res.text()).slice(
            0,
            300,
          )}`,
        };
      }
      const body = (await res.json()) as InstanceStatusResponseV1;
      return { ok: true, complete: isComplete(body, instance) };
    });
}

/** The status holds the instance's workload, pods and certificate from its cluster. */
function isComplete(status: InstanceStatusResponseV1, instance: FleetInstance) {
  const cluster = status.clusters.find(c => c.cluster === instance.cluster);
  return (
    cluster?.data === 'live' &&
    cluster.workload !== null &&
    cluster.pods.length > 0 &&
    cluster.certificate !== undefined
  );
}

/**
 * Asks for many instances' status in one `POST /v1/statuses`, as the fleet page's client
 * batches the reads it makes at once. Each instance's outcome carries the batch's time.
 */
export function stalwartStatuses(
  baseUrl: string,
  token: string,
): BatchViewFunction {
  const ask = async (instances: FleetInstance[]) => {
    const res = await fetch(`${baseUrl}/api/stalwart/v1/statuses`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ entityRefs: instances.map(i => i.entityRef) }),
      signal: AbortSignal.timeout(VIEW_TIMEOUT_MS),
    });
    if (res.status !== 200) {
      const text = (await res.text()).slice(0, 300);
      throw new Error(`statuses answered ${res.status}: ${text}`);
    }
    return ((await res.json()) as InstanceStatusBatchResponseV1).items;
  };
  return async instances => {
    const started = performance.now();
    let items: InstanceStatusBatchItemV1[];
    try {
      items = await ask(instances);
    } catch (error) {
      const ms = performance.now() - started;
      const reason = String((error as Error).message ?? error);
      return instances.map(() => ({
        ms,
        ok: false,
        complete: false,
        error: reason,
      }));
    }
    const ms = performance.now() - started;
    return instances.map((instance, i) => {
      const item = items[i];
      if (item && 'status' in item) {
        return { ms, ok: true, complete: isComplete(item.status, instance) };
      }
      const error = item
        ? `${item.error.name}: ${item.error.message}`
        : 'missing from the batch';
      return { ms, ok: false, complete: false, error };
    });
  };
}

/**
 * Views an entity the way the core Kubernetes tab plus a Certificates card load it: the
 * workloads query and the custom-resources query, sent together as the two hooks do.
 */
export function coreView(baseUrl: string, token: string): ViewFunction {
  const post = async (path: string, body: object): Promise<CoreItems> => {
    const res = await fetch(`${baseUrl}/api/kubernetes${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(VIEW_TIMEOUT_MS),
    });
    if (res.status !== 200) {
      throw new Error(
        `${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
      );
    }
    return (await res.json()) as CoreItems;
  };
  return instance =>
    timed(async () => {
      const [workloads, custom] = await Promise.all([
        post('/resources/workloads/query', {
          entityRef: instance.entityRef,
          auth: {},
        }),
        post('/resources/custom/query', {
          entityRef: instance.entityRef,
          auth: {},
          customResources: [CERTIFICATES],
        }),
      ]);
      return {
        ok: true,
        complete:
          coreCount(workloads, instance.cluster, 'statefulsets') > 0 &&
          coreCount(workloads, instance.cluster, 'pods') > 0 &&
          coreCount(custom, instance.cluster, 'customresources') > 0,
      };
    });
}

/**
 * The catalog lookup both plugins make before anything else, alone: the floor under any
 * entity-scoped endpoint of this backend (user token, permission check, catalog read).
 */
export function catalogLookup(baseUrl: string, token: string): ViewFunction {
  return instance =>
    timed(async () => {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-name/component/default/${encodeURIComponent(
          instance.entityName,
        )}`,
        {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(VIEW_TIMEOUT_MS),
        },
      );
      await res.arrayBuffer();
      return res.status === 200
        ? { ok: true, complete: true }
        : {
            ok: false,
            complete: false,
            error: `catalog answered ${res.status}`,
          };
    });
}
