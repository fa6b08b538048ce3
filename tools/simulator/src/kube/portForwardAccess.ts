import { Duplex } from 'node:stream';
import { SimulatedCluster } from './SimulatedCluster';
import { PodBackendResolver } from './proxyToPod';
import { connectToPodHttp } from './portForwardPodConnection';
import {
  KubeStatus,
  badRequest,
  forbidden,
  kubeStatus,
  notFound,
  unauthorized,
} from './status';

/** Dials a port of the pod being forwarded to: a connected stream, or kubelet's error text. */
export type OpenPodPort = (port: number) => Duplex | { error: string };

export type PortForwardDecision =
  | { status: KubeStatus }
  | { pod: any; ports: number[]; open: OpenPodPort };

const PORT_FORWARD_PATH =
  /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward\/?$/;

/**
 * Decides a `pods/portforward` request as kube-apiserver and kubelet would: bearer
 * authentication, the `pods/portforward` RBAC subresource (verb `get` for a WebSocket,
 * `create` for a SPDY POST), the pod must exist and run, and `ports` (WebSocket protocol only)
 * must be valid port numbers.
 */
export function authorizePortForward(options: {
  cluster: SimulatedCluster;
  request: Request;
  /** The path inside the cluster's root. */
  pathname: string;
  resolveBackend: PodBackendResolver;
}): PortForwardDecision {
  const { cluster, request, pathname, resolveBackend } = options;
  const user = cluster.authenticate(request.headers.get('authorization'));
  if (!user) return { status: unauthorized() };
  const match = pathname.match(PORT_FORWARD_PATH);
  if (!match) {
    return {
      status: kubeStatus(
        404,
        'NotFound',
        'the server could not find the requested resource',
      ),
    };
  }
  const [namespace, name] = [match[1], match[2]].map(decodeURIComponent);
  const podType = cluster.registry.find('', 'v1', 'pods')!;
  const verb = request.method === 'POST' ? 'create' : 'get';
  if (!cluster.isAllowed(user, verb, podType, namespace, 'portforward')) {
    return {
      status: forbidden({
        user: user.name,
        verb,
        resource: 'pods/portforward',
        group: '',
        namespace,
        name,
      }),
    };
  }
  const pod = cluster.store.get(podType, namespace, name);
  if (!pod) return { status: notFound('pods', '', name) };
  if (pod.status?.phase !== 'Running') {
    return {
      status: badRequest(
        `pod ${name} is not running (phase ${pod.status?.phase ?? 'Unknown'})`,
      ),
    };
  }
  const portValues = new URL(request.url).searchParams
    .getAll('ports')
    .flatMap(v => v.split(','))
    .filter(Boolean);
  const ports = portValues.map(Number);
  if (ports.some(p => !Number.isInteger(p) || p < 1 || p > 65535)) {
    return {
      status: badRequest(`invalid port in "${portValues.join(',')}"`),
    };
  }
  const podIP = pod.status?.podIP ?? '127.0.0.1';
  return {
    pod,
    ports,
    open(port) {
      const backend = resolveBackend(cluster, pod, port);
      if (!backend) {
        return {
          error: `error forwarding port ${port} to pod ${name}, uid ${pod.metadata.uid}: failed to connect to localhost:${port} inside namespace "${namespace}": dial tcp4 127.0.0.1:${port}: connect: connection refused`,
        };
      }
      return connectToPodHttp({ backend, podIP, port });
    },
  };
}
