import { SimulatedCluster } from './SimulatedCluster';
import { BUILTIN_RESOURCE_TYPES } from './resourceTypes';
import { parseLabelSelector } from './selectors';
import { KubeStatus, notFound, serviceUnavailable } from './status';

/** Serves HTTP for one simulated pod port, or `undefined` when nothing listens there. */
export type PodBackendResolver = (
  cluster: SimulatedCluster,
  pod: any,
  port: number,
) => ((request: Request) => Promise<Response>) | undefined;

const POD = BUILTIN_RESOURCE_TYPES.find(t => t.kind === 'Pod')!;
const SERVICE = BUILTIN_RESOURCE_TYPES.find(t => t.kind === 'Service')!;

const isReady = (pod: any) =>
  pod.status?.phase === 'Running' &&
  (pod.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );

/** `name`, `name:port` or `scheme:name:port`, as the proxy subresource names its target. */
function splitTarget(target: string): { name: string; port?: string } {
  const parts = target.split(':');
  if (parts.length === 3) return { name: parts[1], port: parts[2] };
  return { name: parts[0], port: parts[1] };
}

function containerPort(
  pod: any,
  port: string | number | undefined,
): number | undefined {
  const ports = (pod.spec?.containers ?? []).flatMap((c: any) => c.ports ?? []);
  if (port === undefined || port === '') return ports[0]?.containerPort;
  if (/^\d+$/.test(String(port))) return Number(port);
  return ports.find((p: any) => p.name === port)?.containerPort;
}

export interface ProxyTarget {
  pod: any;
  port: number;
}

const roundRobin = new WeakMap<SimulatedCluster, Map<string, number>>();

/** Picks the ready endpoint a service proxy request goes to, round-robin. */
export function resolveServiceTarget(
  cluster: SimulatedCluster,
  namespace: string,
  target: string,
): ProxyTarget | { status: KubeStatus } {
  const { name, port } = splitTarget(target);
  const service = cluster.store.get(SERVICE, namespace, name);
  if (!service) return { status: notFound('services', '', name) };
  const ports: any[] = service.spec?.ports ?? [];
  const servicePort =
    port === undefined
      ? ports[0]
      : ports.find(p => p.name === port || String(p.port) === port);
  if (!servicePort) {
    return {
      status: serviceUnavailable(
        `no endpoints available for service "${target}"`,
      ),
    };
  }
  const selector = Object.entries(service.spec?.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = selector
    ? cluster.store
        .list(POD, namespace)
        .filter(parseLabelSelector(selector))
        .filter(isReady)
    : [];
  if (pods.length === 0) {
    return {
      status: serviceUnavailable(
        `no endpoints available for service "${name}"`,
      ),
    };
  }
  const counters = roundRobin.get(cluster) ?? new Map<string, number>();
  roundRobin.set(cluster, counters);
  const next = counters.get(`${namespace}/${name}`) ?? 0;
  counters.set(`${namespace}/${name}`, next + 1);
  const pod = pods[next % pods.length];
  const targetPort = containerPort(
    pod,
    servicePort.targetPort ?? servicePort.port,
  );
  if (!targetPort) {
    return {
      status: serviceUnavailable(
        `no endpoints available for service "${name}"`,
      ),
    };
  }
  return { pod, port: targetPort };
}

export function resolvePodTarget(
  cluster: SimulatedCluster,
  namespace: string,
  target: string,
): ProxyTarget | { status: KubeStatus } {
  const { name, port } = splitTarget(target);
  const pod = cluster.store.get(POD, namespace, name);
  if (!pod) return { status: notFound('pods', '', name) };
  const targetPort = containerPort(pod, port);
  if (!targetPort)
    return { status: serviceUnavailable(`no ports on pod "${name}"`) };
  return { pod, port: targetPort };
}

/**
 * Forwards a request to a simulated pod the way kube-apiserver's proxy does: the
 * client's `Authorization` header was consumed by apiserver authentication and is not
 * forwarded, and path-absolute redirects are rewritten to stay under the proxy path.
 */
export async function forwardToPod(options: {
  cluster: SimulatedCluster;
  target: ProxyTarget;
  request: Request;
  proxyPath: string;
  proxyBase: string;
  resolveBackend: PodBackendResolver;
}): Promise<Response | { status: KubeStatus }> {
  const { cluster, target, request, proxyPath, proxyBase, resolveBackend } =
    options;
  const backend = resolveBackend(cluster, target.pod, target.port);
  const podIP = target.pod.status?.podIP ?? '0.0.0.0';
  if (!backend) {
    return {
      status: serviceUnavailable(
        `error trying to reach service: dial tcp ${podIP}:${target.port}: connect: connection refused`,
      ),
    };
  }
  const headers = new Headers(request.headers);
  headers.delete('authorization');
  const url = new URL(request.url);
  const hasBody = !['GET', 'HEAD'].includes(request.method);
  const forwarded = new Request(
    `http://${podIP}:${target.port}${proxyPath}${url.search}`,
    {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
    },
  );
  const response = await backend(forwarded);
  const location = response.headers.get('location');
  if (location?.startsWith('/')) {
    const rewritten = new Headers(response.headers);
    rewritten.set('location', `${proxyBase}${location}`);
    return new Response(response.body, {
      status: response.status,
      headers: rewritten,
    });
  }
  return response;
}
