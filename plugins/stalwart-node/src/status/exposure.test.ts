import { evaluateExposure } from './exposure';
import { readInstanceConfig } from './instanceConfig';
import type {
  ConfigMapObject,
  ServiceObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import serviceFixture from './__fixtures__/service-mail.json';
import configMapFixture from './__fixtures__/configmap.json';

const service = serviceFixture as ServiceObject;
const config = readInstanceConfig(configMapFixture as ConfigMapObject)!;

function withAnnotations(annotations: Record<string, string>): ServiceObject {
  return { ...service, metadata: { ...service.metadata, annotations } };
}

describe('evaluateExposure', () => {
  it('reports a LoadBalancer with its address, every listener exposed and PROXY trusted', () => {
    const status = evaluateExposure({ service, config });

    expect(status.service).toMatchObject({
      name: 'mail-antigenic-stalwart-helm-chart-mail',
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      externalAddresses: ['203.0.113.25'],
      pendingSince: undefined,
    });
    expect(status.missingPorts).toEqual([]);
    expect(status.unboundPorts).toEqual([]);
    expect(status.proxyProtocol).toEqual({
      enabled: true,
      annotations: { 'load-balancer.hetzner.cloud/uses-proxyprotocol': 'true' },
      trustedNetworks: ['10.0.64.131/32'],
    });
    expect(status.reasons).toEqual([]);
  });

  it('says since when a LoadBalancer address is pending', () => {
    const status = evaluateExposure({
      service: { ...service, status: { loadBalancer: {} } },
      config,
    });
    expect(status.service?.pendingSince).toBe('2026-01-10T09:00:00Z');
    expect(status.reasons.map(r => r.code)).toEqual([
      'exposure.address-pending',
    ]);
  });

  it('lists listeners the Service does not expose and ports that reach no listener', () => {
    const ports = service.spec!.ports!.filter(p => p.name !== 'imaps');
    const status = evaluateExposure({
      service: {
        ...service,
        spec: {
          ...service.spec!,
          ports: [
            ...ports,
            { name: 'pop3', port: 110, targetPort: 110, protocol: 'TCP' },
          ],
        },
      },
      config,
    });

    expect(status.missingPorts).toEqual([{ listener: 'imaps', port: 993 }]);
    expect(status.unboundPorts).toEqual([
      expect.objectContaining({ name: 'pop3', port: 110 }),
    ]);
    expect(status.reasons.map(r => r.code)).toEqual([
      'exposure.port-missing',
      'exposure.port-unbound',
    ]);
  });

  it('is critical when the load balancer sends PROXY headers Stalwart does not trust', () => {
    const status = evaluateExposure({
      service,
      config: { ...config, trustedNetworks: [] },
    });
    expect(status.reasons).toEqual([
      expect.objectContaining({
        code: 'exposure.proxy-untrusted',
        severity: 'critical',
      }),
    ]);
  });

  it('warns when Stalwart trusts a proxy the Service does not enable, and client addresses are lost', () => {
    const status = evaluateExposure({ service: withAnnotations({}), config });
    expect(status.proxyProtocol.enabled).toBe(false);
    expect(status.reasons.map(r => r.code)).toEqual([
      'exposure.proxy-not-enabled',
      'exposure.client-address-hidden',
    ]);
  });

  it('accepts externalTrafficPolicy Local without PROXY protocol', () => {
    const status = evaluateExposure({
      service: {
        ...withAnnotations({}),
        spec: { ...service.spec!, externalTrafficPolicy: 'Local' },
      },
      config: { ...config, trustedNetworks: [] },
    });
    expect(status.reasons).toEqual([]);
  });

  it('reads the AWS wildcard PROXY annotation', () => {
    const status = evaluateExposure({
      service: withAnnotations({
        'service.beta.kubernetes.io/aws-load-balancer-proxy-protocol': '*',
      }),
      config,
    });
    expect(status.proxyProtocol.enabled).toBe(true);
  });

  it('is critical when the release has no mail Service', () => {
    const status = evaluateExposure({ config });
    expect(status.missingPorts).toHaveLength(7);
    expect(status.reasons[0]).toMatchObject({
      code: 'exposure.missing',
      severity: 'critical',
    });
  });

  it('does not judge ports when the config names no listeners (v0.16 keeps them in the data store)', () => {
    const status = evaluateExposure({
      service,
      config: { listeners: [], trustedNetworks: ['10.0.64.131/32'] },
    });
    expect(status.missingPorts).toEqual([]);
    expect(status.unboundPorts).toEqual([]);
  });
});
