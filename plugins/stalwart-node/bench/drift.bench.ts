/* eslint-disable no-console */
import {
  classifyDriftV015,
  classifyDriftV016,
  parseStalwartToml,
  type V015PodInput,
  type RegistrySchemaV016,
} from '@stalwart-backstage/plugin-stalwart-node';

// Drift classification for one instance with 5,000 settings keys (issue 7 "Done when": < 20 ms):
// 3,000 keys in config.toml (tables, arrays, macros), 2,000 only in the database (relay
// routes, blocked IPs, server defaults), three pods, a few planted drifts.
const PODS = ['mail-0', 'mail-1', 'mail-2'];

function configToml(): string {
  const lines = [
    '[config]',
    'local-keys = ["store.*", "server.*", "!server.blocked-ip.*", "cluster.*", "http.*"]',
    '[cluster]',
    'node-id = __NODE_ID__',
  ];
  for (let i = 0; i < 335; i++) {
    lines.push(
      `[queue.strategy.s${i}]`,
      `route = [ { if = "rcpt_domain == 'd${i}.example'", then = "'r${i}'" }, { else = "'mx'" } ]`,
    );
    lines.push(
      `[queue.tls.t${i}]`,
      `dane = "optional"`,
      `allow-invalid-certs = false`,
      `ciphers = ["a", "b"]`,
    );
    lines.push(
      `[server.listener."l${i}"]`,
      `bind = ["[::]:${10000 + i}"]`,
      `protocol = "smtp"`,
    );
  }
  lines.push('[store."pg"]', 'password = "%{env:POSTGRES_PASSWORD}%"');
  return `${lines.join('\n')}\n`;
}

function live(toml: string, pod: number): Record<string, string> {
  const file = parseStalwartToml(toml.replace('__NODE_ID__', String(pod)));
  const db: Record<string, string> = {};
  for (let i = 0; i < 1000; i++)
    db[`queue.route.relay${i}.address`] = `smtp${i}.example.net`;
  for (let i = 0; i < 500; i++)
    db[`server.blocked-ip.198.51.${i >> 8}.${i & 255}`] = '';
  for (let i = 0; i < 499; i++) db[`spam-filter.rule.r${i}.enable`] = 'true';
  db['oauth.key'] = 'k'.repeat(64);
  if (pod === 1) file['http.use-x-forwarded'] = 'true';
  file['queue.tls.t7.dane'] = 'require';
  return { ...db, ...file };
}

// The machine is shared: wall time includes waiting for a core, so CPU time is printed too.
function measure(label: string, run: (i: number) => unknown, runs = 100) {
  for (let i = 0; i < 10; i++) run(-i - 1);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run(i);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (list: number[], q: number) =>
    [...list].sort((a, b) => a - b)[Math.floor(list.length * q)];
  console.log(
    `${label}: median ${at(wall, 0.5).toFixed(2)} ms wall (p95 ${at(
      wall,
      0.95,
    ).toFixed(2)}), ` +
      `median ${at(cpu, 0.5).toFixed(2)} ms CPU, ${runs} runs`,
  );
  return at(cpu, 0.5);
}

const toml = configToml();
const pods: V015PodInput[] = PODS.map((name, i) => ({
  name,
  substitutions: { __NODE_ID__: String(i) },
  configChecksum: 'c1',
  settings: live(toml, i),
}));
const report = classifyDriftV015({
  configToml: toml,
  currentConfigChecksum: 'c1',
  pods,
});
const keys = new Set(pods.flatMap(p => Object.keys(p.settings!))).size;
console.log(
  `v0.15: ${keys} distinct keys, ${PODS.length} pods, counts ${JSON.stringify(
    report.counts,
  )}`,
);
const v015 = measure(
  'v0.15 classification, ConfigMap unchanged since the last read (its parse reused)',
  () =>
    classifyDriftV015({ configToml: toml, currentConfigChecksum: 'c1', pods }),
);
measure(
  'v0.15 classification, ConfigMap changed (parse of config.toml included)',
  i =>
    classifyDriftV015({
      configToml: `${toml}# revision ${i}\n`,
      currentConfigChecksum: 'c1',
      pods,
    }),
  30,
);

// v0.16: 500 listeners with 8 fields each declared, 50 more created in the UI.
const schema: RegistrySchemaV016 = {
  objects: { 'x:NetworkListener': { type: 'object' } },
  fields: {
    'x:NetworkListener': {
      properties: { name: { update: 'immutable' } },
      defaults: { protocol: 'smtp', useTls: true },
    },
  },
  lists: { 'x:NetworkListener': { labelProperty: 'name' } },
};
const listener = (i: number) => ({
  name: `l${i}`,
  bind: { [`[::]:${10000 + i}`]: true },
  protocol: 'smtp',
  tlsImplicit: i % 2 === 0,
  useTls: true,
  maxConnections: 1000 + i,
  overrideProxyTrustedNetworks: { '10.0.0.0/8': true },
  description: `listener ${i}`,
});
const plan = JSON.stringify({
  '@type': 'upsert',
  object: 'NetworkListener',
  matchOn: ['name'],
  value: Object.fromEntries(
    Array.from({ length: 500 }, (_, i) => [`l${i}`, listener(i)]),
  ),
});
const registry = {
  'x:NetworkListener': Object.fromEntries(
    Array.from({ length: 550 }, (_, i) => [
      `id${i}`,
      { ...listener(i), ...(i === 3 ? { protocol: 'imap' } : {}) },
    ]),
  ),
};
const v016 = measure(
  'v0.16 classification, plan unchanged since the last read (its parse reused), 550 objects, 4,400 fields',
  () => classifyDriftV016({ plan, schema, registry, pods: [] }),
);
measure(
  'v0.16 classification, plan changed (parse of the plan included)',
  // Trailing blank lines: a new text each run, the same objects.
  i =>
    classifyDriftV016({
      plan: `${plan}\n${' '.repeat(i + 11)}`,
      schema,
      registry,
      pods: [],
    }),
  30,
);
console.log(
  v015 < 20 && v016 < 20 ? 'OK: under 20 ms' : 'SLOW: over the 20 ms target',
);
