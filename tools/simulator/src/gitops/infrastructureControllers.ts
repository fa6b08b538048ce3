import type { SimulatedCluster } from '../kube/SimulatedCluster';
import {
  BUILTIN_RESOURCE_TYPES,
  KNOWN_CUSTOM_RESOURCE_TYPES,
  type ResourceType,
} from '../kube/resourceTypes';

const SERVICE = BUILTIN_RESOURCE_TYPES.find(t => t.kind === 'Service')!;
const CERTIFICATE = KNOWN_CUSTOM_RESOURCE_TYPES.find(
  t => t.kind === 'Certificate' && t.group === 'cert-manager.io',
)!;
const DAY_MS = 86_400_000;

const same = (a: ResourceType, b: ResourceType) =>
  a.group === b.group && a.plural === b.plural;

const stamp = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * cert-manager and a cloud load balancer controller, reduced to their visible effect: a new
 * Certificate becomes Ready (90 days, renewal at two thirds) after `certificateDelayMs`, and a
 * LoadBalancer Service gets an address after `loadBalancerDelayMs`.
 */
export function startInfrastructureControllers(
  cluster: SimulatedCluster,
  options: {
    now: () => Date;
    certificateDelayMs: number;
    loadBalancerDelayMs: number;
  },
): () => void {
  const timers = new Set<NodeJS.Timeout>();
  let nextAddress = 10;
  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  function issue(namespace: string, name: string) {
    const certificate = cluster.store.get(CERTIFICATE, namespace, name);
    if (!certificate || certificate.status?.notAfter) return;
    const issued = options.now();
    certificate.status = {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Ready',
          message: 'Certificate is up to date and has not expired',
          lastTransitionTime: stamp(issued),
          observedGeneration: certificate.metadata.generation ?? 1,
        },
      ],
      notBefore: stamp(issued),
      notAfter: stamp(new Date(issued.getTime() + 90 * DAY_MS)),
      renewalTime: stamp(new Date(issued.getTime() + 60 * DAY_MS)),
      revision: 1,
    };
    cluster.store.update(CERTIFICATE, certificate);
  }

  function assignAddress(namespace: string, name: string) {
    const service = cluster.store.get(SERVICE, namespace, name);
    if (!service || service.spec?.type !== 'LoadBalancer') return;
    if (service.status?.loadBalancer?.ingress?.length) return;
    nextAddress += 1;
    service.status = {
      loadBalancer: { ingress: [{ ip: `203.0.113.${nextAddress % 250}` }] },
    };
    cluster.store.update(SERVICE, service);
  }

  const unsubscribe = cluster.onChange(event => {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return;
    const { namespace, name } = event.object.metadata;
    if (same(event.resource, CERTIFICATE) && !event.object.status?.notAfter) {
      later(options.certificateDelayMs, () => issue(namespace, name));
    }
    if (
      same(event.resource, SERVICE) &&
      event.object.spec?.type === 'LoadBalancer' &&
      !event.object.status?.loadBalancer?.ingress?.length
    ) {
      later(options.loadBalancerDelayMs, () => assignAddress(namespace, name));
    }
  });
  return () => {
    unsubscribe();
    timers.forEach(clearTimeout);
  };
}
