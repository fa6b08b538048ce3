import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { exampleInstanceSpec } from '@stalwart-backstage/plugin-stalwart-charts';
import { adoptIntoSpec } from './adoptIntoSpec';

const spec = exampleInstanceSpec('antigenic') as unknown as Record<string, any>;

const item = (
  key: string,
  live: string | undefined,
  extra: Partial<DriftItemV1> = {},
): DriftItemV1 => ({
  id: key,
  key,
  group: key,
  class: 'database-only-user',
  explanation: 'database-only',
  live,
  masked: false,
  pods: [],
  remediations: [],
  ...extra,
});

describe('adoptIntoSpec', () => {
  it('adds an allowed IP set in the admin UI to proxy.allowedIps, which every v0.15 chart renders into [server.allowed-ip]', () => {
    const result = adoptIntoSpec({
      spec,
      items: [item('server.allowed-ip.192.0.2.7', 'true')],
    });
    expect(result.refused).toEqual([]);
    expect((result.spec as any).proxy.allowedIps).toEqual([
      ...(spec.proxy?.allowedIps ?? []),
      '192.0.2.7',
    ]);
    expect(spec.proxy?.allowedIps ?? []).not.toContain('192.0.2.7');
  });

  it('refuses a key the chart values cannot express, naming the key and why', () => {
    const result = adoptIntoSpec({
      spec,
      items: [item('queue.route.resend.address', 'smtp.resend.com')],
    });
    expect(result.adopted).toEqual([]);
    expect(result.refused[0].reason).toMatch(
      /^queue\.route\.resend\.address: no instance spec field renders this key into config\.toml/,
    );
  });

  it('refuses a secret key: only a reference could be declared', () => {
    const result = adoptIntoSpec({
      spec,
      items: [
        item('queue.route.resend.auth.secret', undefined, { masked: true }),
      ],
    });
    expect(result.refused[0].reason).toContain('reference');
  });

  it('refuses a value the spec schema rejects with the field and the rule, changing nothing', () => {
    const result = adoptIntoSpec({
      spec,
      items: [
        item('server.hostname', 'not a host name', { class: 'changed-live' }),
      ],
    });
    expect(result.spec).toBe(spec);
    expect(result.adopted).toEqual([]);
    expect(result.refused[0].reason).toMatch(
      /^the spec would no longer be valid: hostname: /,
    );
  });
});
