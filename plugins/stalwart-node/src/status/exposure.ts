import type { InstanceConfigFacts } from './instanceConfig';
import type {
  ExposureStatus,
  ServiceObject,
  ServicePortStatus,
  StatusReason,
} from '@stalwart-backstage/plugin-stalwart-common';

/**
 * Service annotations with which cloud load balancer controllers put a PROXY protocol header in
 * front of each connection.
 *
 * @public
 */
export const PROXY_PROTOCOL_ANNOTATIONS: Record<
  string,
  (value: string) => boolean
> = {
  'service.beta.kubernetes.io/aws-load-balancer-proxy-protocol': v =>
    v.trim() === '*',
  'load-balancer.hetzner.cloud/uses-proxyprotocol': isTrue,
  'service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol': isTrue,
  'service.beta.kubernetes.io/linode-loadbalancer-proxy-protocol': v =>
    /^v[12]$/.test(v.trim()),
  'service.beta.kubernetes.io/scw-loadbalancer-proxy-protocol-v2': v =>
    v.trim() !== '' && v.trim() !== 'false',
  'service.beta.kubernetes.io/ovh-loadbalancer-proxy-protocol': v =>
    /^v[12]$/.test(v.trim()),
  'service.beta.kubernetes.io/exoscale-loadbalancer-service-proxy-protocol':
    isTrue,
};

function isTrue(value: string): boolean {
  return value.trim().toLowerCase() === 'true';
}

/**
 * How the instance's mail Service exposes it: addresses, ports against the listeners the config
 * binds, traffic policy and PROXY protocol against the networks Stalwart trusts.
 *
 * @public
 */
export function evaluateExposure(options: {
  service?: ServiceObject;
  config?: InstanceConfigFacts;
}): ExposureStatus {
  const { service, config } = options;
  const expectedPorts = (config?.listeners ?? []).flatMap(l =>
    l.ports.map(port => ({ listener: l.name, port })),
  );
  const trustedNetworks = config?.trustedNetworks ?? [];
  if (!service) {
    return {
      expectedPorts,
      missingPorts: expectedPorts,
      unboundPorts: [],
      proxyProtocol: { enabled: false, annotations: {}, trustedNetworks },
      reasons: [
        {
          code: 'exposure.missing',
          severity: 'critical',
          message: 'No Service of the release exposes the mail listeners',
        },
      ],
    };
  }

  const type = service.spec?.type ?? 'ClusterIP';
  const ports: ServicePortStatus[] = (service.spec?.ports ?? []).map(p => ({
    name: p.name,
    port: p.port,
    targetPort: p.targetPort,
    protocol: p.protocol ?? 'TCP',
    nodePort: p.nodePort,
  }));
  const externalAddresses = (service.status?.loadBalancer?.ingress ?? [])
    .map(i => i.ip ?? i.hostname)
    .filter((a): a is string => Boolean(a));
  const pending = type === 'LoadBalancer' && externalAddresses.length === 0;
  const annotations = Object.fromEntries(
    Object.entries(service.metadata?.annotations ?? {}).filter(
      ([key]) => key in PROXY_PROTOCOL_ANNOTATIONS,
    ),
  );
  const proxyEnabled = Object.entries(annotations).some(([key, value]) =>
    PROXY_PROTOCOL_ANNOTATIONS[key](value),
  );
  const containerPorts = ports.map(p =>
    typeof p.targetPort === 'number' ? p.targetPort : p.port,
  );
  const listenerPorts = new Set(expectedPorts.map(p => p.port));
  const missingPorts = expectedPorts.filter(
    p => !containerPorts.includes(p.port),
  );
  // A named targetPort resolves against the pod spec, which a Service alone cannot tell.
  const unboundPorts = config?.listeners.length
    ? ports.filter(
        p =>
          typeof p.targetPort !== 'string' &&
          !listenerPorts.has(p.targetPort ?? p.port),
      )
    : [];

  const status: ExposureStatus = {
    service: {
      name: service.metadata?.name ?? '',
      type,
      externalTrafficPolicy: service.spec?.externalTrafficPolicy,
      externalAddresses,
      pendingSince: pending ? service.metadata?.creationTimestamp : undefined,
      ports,
    },
    expectedPorts,
    missingPorts,
    unboundPorts,
    proxyProtocol: { enabled: proxyEnabled, annotations, trustedNetworks },
    reasons: [],
  };
  status.reasons = exposureReasons(status);
  return status;
}

function exposureReasons(status: ExposureStatus): StatusReason[] {
  const reasons: StatusReason[] = [];
  const service = status.service!;
  const external =
    service.type === 'LoadBalancer' || service.type === 'NodePort';
  if (service.pendingSince) {
    reasons.push({
      code: 'exposure.address-pending',
      severity: 'warning',
      message: `LoadBalancer Service ${service.name} has had no external address since ${service.pendingSince}`,
    });
  }
  for (const missing of status.missingPorts) {
    reasons.push({
      code: 'exposure.port-missing',
      severity: 'warning',
      message: `Listener ${missing.listener} binds port ${missing.port} but Service ${service.name} does not expose it`,
    });
  }
  for (const unbound of status.unboundPorts) {
    reasons.push({
      code: 'exposure.port-unbound',
      severity: 'warning',
      message: `Service ${service.name} exposes port ${unbound.port}${
        unbound.name ? ` (${unbound.name})` : ''
      } but no listener binds ${unbound.targetPort ?? unbound.port}`,
    });
  }
  const { enabled, trustedNetworks } = status.proxyProtocol;
  if (enabled && trustedNetworks.length === 0) {
    reasons.push({
      code: 'exposure.proxy-untrusted',
      severity: 'critical',
      message: `The load balancer sends PROXY protocol headers but Stalwart trusts no proxy network; every connection through it fails`,
    });
  } else if (!enabled && trustedNetworks.length > 0 && external) {
    reasons.push({
      code: 'exposure.proxy-not-enabled',
      severity: 'warning',
      message: `Stalwart trusts PROXY headers from ${trustedNetworks.join(
        ', ',
      )} but Service ${service.name} enables no PROXY protocol annotation`,
    });
  }
  if (
    service.type === 'LoadBalancer' &&
    service.externalTrafficPolicy !== 'Local' &&
    !enabled
  ) {
    reasons.push({
      code: 'exposure.client-address-hidden',
      severity: 'warning',
      message: `Service ${service.name} uses externalTrafficPolicy ${
        service.externalTrafficPolicy ?? 'Cluster'
      } without PROXY protocol: Stalwart sees node addresses instead of client addresses (SPF, rate limits and blocklists misfire)`,
    });
  }
  return reasons;
}
