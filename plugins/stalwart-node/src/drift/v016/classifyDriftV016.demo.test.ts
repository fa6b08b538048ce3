import { edgeInput } from '../__testUtils__/edgeDemo';
import { classifyDriftV016 } from './classifyDriftV016';
import { planRemediationV016 } from './planRemediationV016';

const report = classifyDriftV016(edgeInput());
const item = (id: string) => report.items.find(i => i.id === id);

describe('classifyDriftV016 on the demo edge instance', () => {
  it('reports maxConnections raised in the admin UI against the default the plan keeps (§1: defaults fill unsaved fields)', () => {
    expect(item('x:SystemSettings/singleton/maxConnections')).toMatchObject({
      class: 'changed-live',
      explanation: 'edited-in-registry',
      declared: '8192',
      live: '20000',
      object: {
        type: 'x:SystemSettings',
        id: 'singleton',
        field: 'maxConnections',
      },
      remediations: ['reset-to-git'],
    });
  });

  it('reports the listener created in the admin UI as only in the database, user-managed', () => {
    expect(item('x:NetworkListener/imap-cleartext')).toMatchObject({
      class: 'database-only-user',
      object: {
        type: 'x:NetworkListener',
        id: 'b5',
        naturalKey: 'imap-cleartext',
      },
    });
  });

  it('compares the route secret as a reference: git names an environment variable, the registry holds a literal it masks', () => {
    expect(item('x:MtaRoute/resend/authSecret')).toMatchObject({
      class: 'changed-live',
      declared:
        '{"@type":"EnvironmentVariable","variableName":"STALWART_RELAY_SECRET"}',
      masked: true,
    });
    // As the response carries it: no live value at all.
    expect(
      JSON.parse(JSON.stringify(item('x:MtaRoute/resend/authSecret'))),
    ).not.toHaveProperty('live');
  });

  it('matches list encodings ({"0":…} in the plan, an array in the registry) and config.json against x:DataStore', () => {
    expect(item('x:MtaOutboundStrategy/singleton/route')?.class).toBe(
      'in-sync',
    );
    expect(item('x:DataStore/singleton/authSecret')).toMatchObject({
      class: 'in-sync',
      declared:
        '{"@type":"EnvironmentVariable","variableName":"POSTGRES_PASSWORD"}',
    });
  });

  it('reports a singleton field set only in the registry, with no default to compare to', () => {
    expect(
      item('x:SystemSettings/singleton/proxyTrustedNetworks'),
    ).toMatchObject({
      class: 'database-only-user',
      live: '{"10.244.0.0/16":true}',
    });
  });

  it('has these drifts and no others, and marks mail-stalwart-1 as on an old config', () => {
    expect(
      report.items
        .filter(i => i.class !== 'in-sync')
        .map(i => i.id)
        .sort(),
    ).toEqual([
      'x:MtaRoute/resend/authSecret',
      'x:NetworkListener/imap-cleartext',
      'x:SystemSettings/singleton/maxConnections',
      'x:SystemSettings/singleton/proxyTrustedNetworks',
    ]);
    expect(report.pods.map(p => [p.name, p.staleConfig])).toEqual([
      ['mail-stalwart-0', false],
      ['mail-stalwart-1', true],
    ]);
  });

  it('plans the reset as x:<Type>/set calls then ReloadSettings (§1 "Reloading"), and restarts for the stale pod', () => {
    const plan = planRemediationV016(report, 'reset-to-git', {
      itemIds: [
        'x:SystemSettings/singleton/maxConnections',
        'x:NetworkListener/imap-cleartext',
        'x:MtaRoute/resend/authSecret',
      ],
      workload: {
        kind: 'StatefulSet',
        namespace: 'mail',
        name: 'mail-stalwart',
      },
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(plan.calls).toEqual([
      expect.objectContaining({
        method: 'x:MtaRoute/set',
        arguments: {
          update: {
            c1: {
              authSecret: {
                '@type': 'EnvironmentVariable',
                variableName: 'STALWART_RELAY_SECRET',
              },
            },
          },
        },
      }),
      expect.objectContaining({
        method: 'x:NetworkListener/set',
        arguments: { destroy: ['b5'] },
      }),
      expect.objectContaining({
        method: 'x:SystemSettings/set',
        arguments: { update: { singleton: { maxConnections: 8192 } } },
      }),
      expect.objectContaining({
        method: 'x:Action/set',
        arguments: { create: { reload: { '@type': 'ReloadSettings' } } },
      }),
    ]);
    const restart = planRemediationV016(report, 'restart-stale-pods', {
      itemIds: [],
      workload: {
        kind: 'StatefulSet',
        namespace: 'mail',
        name: 'mail-stalwart',
      },
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(restart.calls).toEqual([
      expect.objectContaining({
        target: 'kubernetes',
        method: 'PATCH',
        path: '/apis/apps/v1/namespaces/mail/statefulsets/mail-stalwart',
      }),
    ]);
  });
});
