import { classifyDriftV015, settingGroupV015 } from './classifyDriftV015';

// The engine visits each key once for all pods: these cases pin how pods that disagree split
// into items, and that pods which agree share one.
const TOML =
  '[config]\nlocal-keys = ["server.*", "cluster.*", "http.*"]\n' +
  '[cluster]\nnode-id = __NODE_ID__\n[queue.outbound]\nhostname = "a"\n';
const LOCAL = {
  'config.local-keys.0000': 'server.*',
  'config.local-keys.0001': 'cluster.*',
  'config.local-keys.0002': 'http.*',
};

function pod(name: string, nodeId: number, settings: Record<string, string>) {
  return {
    name,
    nodeId,
    substitutions: { __NODE_ID__: String(nodeId) },
    configChecksum: 'c1',
    settings: { ...LOCAL, 'cluster.node-id': String(nodeId), ...settings },
  };
}

describe('classifyDriftV015 across pods', () => {
  const report = classifyDriftV015({
    configToml: TOML,
    currentConfigChecksum: 'c1',
    pods: [
      pod('mail-0', 0, { 'queue.outbound.hostname': 'a', 'relay.x': 'r' }),
      pod('mail-1', 1, { 'queue.outbound.hostname': 'b', 'relay.x': 'r' }),
      pod('mail-2', 2, {
        'queue.outbound.hostname': 'a',
        'relay.x': 'r',
        'http.hsts': 'true',
      }),
    ],
  });
  const items = (key: string) => report.items.filter(i => i.key === key);

  it('keeps a substituted key in sync on every pod, one item per value its pods serve', () => {
    expect(
      items('cluster.node-id').map(i => [i.class, i.live, i.pods]),
    ).toEqual([
      ['in-sync', '0', [{ name: 'mail-0', nodeId: 0 }]],
      ['in-sync', '1', [{ name: 'mail-1', nodeId: 1 }]],
      ['in-sync', '2', [{ name: 'mail-2', nodeId: 2 }]],
    ]);
    expect(items('config.local-keys.0000')).toEqual([
      expect.objectContaining({
        class: 'in-sync',
        pods: report.pods.map(p => ({ name: p.name, nodeId: p.nodeId })),
      }),
    ]);
  });

  it('shows only the drifted pod of a key the others serve in sync', () => {
    expect(items('queue.outbound.hostname')).toEqual([
      expect.objectContaining({
        id: 'queue.outbound.hostname',
        class: 'changed-live',
        explanation: 'pod-file-differs',
        declared: 'a',
        live: 'b',
        pods: [{ name: 'mail-1', nodeId: 1 }],
      }),
    ]);
  });

  it('reports a database key once for all pods, and a local key one pod serves as that pod’s edit', () => {
    expect(items('relay.x')).toEqual([
      expect.objectContaining({
        class: 'database-only-user',
        pods: report.pods.map(p => ({ name: p.name, nodeId: p.nodeId })),
      }),
    ]);
    expect(report.storedKeys['relay.x']).toEqual(['relay.x']);
    expect(items('http.hsts')).toEqual([
      expect.objectContaining({
        class: 'changed-live',
        explanation: 'local-key-edited-live',
        pods: [{ name: 'mail-2', nodeId: 2 }],
      }),
    ]);
  });

  it('gives each distinct drifted value its own item, numbered in pod order', () => {
    const split = classifyDriftV015({
      configToml: TOML,
      pods: [
        pod('mail-0', 0, { 'queue.outbound.hostname': 'b' }),
        pod('mail-1', 1, { 'queue.outbound.hostname': 'c' }),
        pod('mail-2', 2, { 'queue.outbound.hostname': 'b' }),
      ],
    }).items.filter(i => i.key === 'queue.outbound.hostname');
    expect(split.map(i => [i.id, i.live, i.pods.map(p => p.name)])).toEqual([
      ['queue.outbound.hostname', 'b', ['mail-0', 'mail-2']],
      ['queue.outbound.hostname#2', 'c', ['mail-1']],
    ]);
  });
});

describe('settingGroupV015', () => {
  it.each([
    ['queue.route.relay.address', 'queue.route.relay'],
    ['server.listener.smtp.bind.0000', 'server.listener.smtp.bind'],
    ['session.auth.mechanisms.1.else', 'session.auth.mechanisms'],
    ['server.blocked-ip.198.51.100.7', 'server.blocked-ip'],
    ['queue.tls.t7.dane', 'queue.tls.t7'],
    ['a.1b.c', 'a.1b'],
    ['oauth', 'oauth'],
  ])('groups %s under %s', (key, group) => {
    expect(settingGroupV015(key)).toBe(group);
  });
});
