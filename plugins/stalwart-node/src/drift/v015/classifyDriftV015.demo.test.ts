import { getChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import {
  SERVER_INSERTED_SAMPLE,
  findDocument,
  readDocuments,
  settingsListV015,
  type SimulatedV015,
} from '../__testUtils__/demoScenario';
import { classifyDriftV015 } from './classifyDriftV015';
import { planRemediationV015 } from './planRemediationV015';
import { podSubstitutionsV015 } from './podSubstitutions';
import { nodeIdForPod } from '@stalwart-backstage/plugin-stalwart-charts';

// The homelab instance of the simulator's demo: release "stalwart" of the Antigenic chart on
// v0.15.5, three pods, a relay route and an auth IfBlock set only in the database (seed 003),
// a local key edited through the admin UI on pod 1, and a local key an old webadmin wrote
// into the database.
const config = readDocuments('homelab/config.yaml');
const workload = readDocuments('homelab/workload.yaml');
const configMap = findDocument(config, 'ConfigMap');
const server = findDocument(config, 'StalwartServer').spec;
const statefulSet = findDocument(workload, 'StatefulSet');
const pods = workload.filter(d => d.kind === 'Pod');
const flavor = getChartFlavor('antigenic');
const topology = { replicas: statefulSet.spec.replicas };
const configToml: string = configMap.data['config.toml'];

const simulated: SimulatedV015 = {
  database: { ...server.database, ...SERVER_INSERTED_SAMPLE },
  pods: pods.map(p => ({
    name: p.metadata.name,
    substitutions: podSubstitutionsV015(flavor, p.metadata.name, topology),
    fileEdits: server.pods?.[p.metadata.name]?.fileEdits,
  })),
};

const report = classifyDriftV015({
  configToml,
  currentConfigChecksum:
    statefulSet.spec.template.metadata.annotations['checksum/config'],
  pods: pods.map(p => ({
    name: p.metadata.name,
    nodeId: nodeIdForPod(flavor, p.metadata.name, topology),
    substitutions: podSubstitutionsV015(flavor, p.metadata.name, topology),
    configChecksum: p.metadata.annotations['checksum/config'],
    settings: settingsListV015(configToml, simulated, p.metadata.name),
  })),
});
const item = (key: string) => report.items.find(i => i.key === key);

describe('classifyDriftV015 on the demo homelab instance', () => {
  it('substitutes __NODE_ID__ with each pod ordinal, so cluster.node-id is in sync on every pod', () => {
    const nodeIds = report.items.filter(i => i.key === 'cluster.node-id');
    expect(nodeIds.map(i => [i.class, i.live, i.pods[0].nodeId])).toEqual([
      ['in-sync', '0', 0],
      ['in-sync', '1', 1],
      ['in-sync', '2', 2],
    ]);
  });

  it('reports the local key edited in the admin UI on pod 1 as changed live, wiped by the next restart (§2.8.2)', () => {
    expect(item('http.use-x-forwarded')).toMatchObject({
      class: 'changed-live',
      explanation: 'local-key-edited-live',
      declared: 'false',
      live: 'true',
      pods: [{ name: 'stalwart-antigenic-stalwart-helm-chart-1', nodeId: 1 }],
      remediations: ['reset-to-git'],
    });
  });

  it('reports the relay route and the auth IfBlock as only in the database, user-managed (§2.8.3, seed 003)', () => {
    const userManaged = report.items
      .filter(i => i.class === 'database-only-user')
      .map(i => i.key);
    expect(userManaged).toEqual(
      expect.arrayContaining([
        'queue.route.resend.address',
        'queue.route.resend.auth.secret',
        'queue.strategy.route.0001.else',
        'session.auth.mechanisms.0.if',
        'server.blocked-ip.198.51.100.7',
      ]),
    );
    expect(userManaged).toHaveLength(14);
    expect(item('queue.route.resend.address')).toMatchObject({
      group: 'queue.route.resend',
      live: 'smtp.resend.com',
      masked: false,
      pods: expect.arrayContaining([
        expect.objectContaining({
          name: 'stalwart-antigenic-stalwart-helm-chart-2',
        }),
      ]),
    });
    expect(item('queue.route.resend.auth.secret')).toMatchObject({
      masked: true,
    });
    // As the response carries it: no live value at all.
    expect(
      JSON.parse(JSON.stringify(item('queue.route.resend.auth.secret'))),
    ).not.toHaveProperty('live');
  });

  it('labels what the server inserted itself as server-managed (§2.7), never the operator’s queue.route.resend', () => {
    const serverManaged = report.items
      .filter(i => i.class === 'database-only-server')
      .map(i => i.key)
      .sort();
    expect(serverManaged).toEqual(Object.keys(SERVER_INSERTED_SAMPLE).sort());
    expect(item('oauth.key')).toMatchObject({ masked: true });
  });

  it('cannot see server.hostname stored in the database: the file wins and list filters local keys (§2.1)', () => {
    expect(item('server.hostname')).toMatchObject({
      class: 'in-sync',
      live: 'mail.example.com',
    });
    expect(JSON.stringify(report)).not.toContain('mail.old.example.com');
  });

  it('compares %{env:…}% and %{file:…}% macros as references and shows them', () => {
    expect(item('authentication.fallback-admin.secret')).toMatchObject({
      class: 'in-sync',
      declared: '%{env:ADMIN_SECRET}%',
      masked: false,
    });
    expect(item('certificate.default.private-key')).toMatchObject({
      class: 'in-sync',
      live: '%{file:/opt/stalwart/certs/tls.key}%',
    });
  });

  it('finds nothing missing and every pod on the current config', () => {
    expect(report.counts['missing-live']).toBe(0);
    expect(report.pods.map(p => p.staleConfig)).toEqual([false, false, false]);
    expect(report.errors).toEqual([]);
  });

  it('plans the seed 003 fix as exact DELETE calls and one reload, without a restart', () => {
    const ids = report.items
      .filter(i => i.group === 'queue.strategy.route')
      .map(i => i.id);
    const plan = planRemediationV015(report, 'reset-to-git', {
      itemIds: ids,
      workload: {
        kind: 'StatefulSet',
        namespace: 'stalwart',
        name: statefulSet.metadata.name,
      },
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(
      plan.calls.map(c => ('path' in c ? `${c.method} ${c.path}` : c.method)),
    ).toEqual([
      'DELETE /api/settings/queue.strategy.route.0000.if',
      'DELETE /api/settings/queue.strategy.route.0000.then',
      'DELETE /api/settings/queue.strategy.route.0001.else',
      'GET /api/reload',
    ]);
    expect(plan.restartRequired).toBe(false);
  });

  it('plans the local-key edit as a rollout restart, since DELETE would rewrite the pod’s file (§2.3)', () => {
    const plan = planRemediationV015(report, 'reset-to-git', {
      itemIds: [item('http.use-x-forwarded')!.id],
      workload: {
        kind: 'StatefulSet',
        namespace: 'stalwart',
        name: statefulSet.metadata.name,
      },
      now: new Date('2026-03-01T00:00:00Z'),
    });
    expect(plan.calls).toEqual([
      expect.objectContaining({
        target: 'kubernetes',
        method: 'PATCH',
        path: '/apis/apps/v1/namespaces/stalwart/statefulsets/stalwart-antigenic-stalwart-helm-chart',
        body: {
          spec: {
            template: {
              metadata: {
                annotations: {
                  'kubectl.kubernetes.io/restartedAt':
                    '2026-03-01T00:00:00.000Z',
                },
              },
            },
          },
        },
      }),
    ]);
    expect(plan.restartRequired).toBe(true);
    expect(plan.pods).toHaveLength(3);
  });
});
