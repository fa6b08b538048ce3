import type {
  DriftClass,
  DriftExplanationId,
} from '@stalwart-backstage/plugin-stalwart-common';
import { classifyDriftV015 } from './classifyDriftV015';
import type { V015PodInput } from './types';

// Every example ../shared/docs/stalwart-v015.md §2.1–2.8 names, as a drift case: the
// ConfigMap's config.toml, what /api/settings/list serves, and the verdict for each key.
interface Case {
  name: string;
  toml: string;
  /** `/api/settings/list` items of the one pod (or pods, by name). */
  live: Record<string, string> | Record<string, Record<string, string>>;
  pod?: Partial<V015PodInput>;
  current?: string;
  expect: Array<[key: string, cls: DriftClass, why: DriftExplanationId]>;
  /** Keys that must not appear at all. */
  absent?: string[];
}

const LOCAL = `[config]\nlocal-keys = ["store.*", "server.*", "!server.blocked-ip.*", "http.*", "cluster.*"]\n`;
const localKeys = {
  'config.local-keys.0000': 'store.*',
  'config.local-keys.0001': 'server.*',
  'config.local-keys.0002': '!server.blocked-ip.*',
  'config.local-keys.0003': 'http.*',
  'config.local-keys.0004': 'cluster.*',
};

const CASES: Case[] = [
  {
    name: '§2.4/§2.5 an array is k.0000, k.0001 in the file and k.0, k.1 from the webadmin',
    toml: 'queue.tls.x.ciphers = ["a", "b"]',
    live: { 'queue.tls.x.ciphers.0': 'a', 'queue.tls.x.ciphers.1': 'b' },
    expect: [
      ['queue.tls.x.ciphers.0000', 'in-sync', 'matches-git'],
      ['queue.tls.x.ciphers.0001', 'in-sync', 'matches-git'],
    ],
  },
  {
    name: '§2.5 a one-element array is the bare key, like server.listener.smtp.bind.0 in the docs',
    toml: '[server.listener.smtp]\nbind = ["[::]:25"]',
    live: { 'server.listener.smtp.bind': '[::]:25' },
    expect: [['server.listener.smtp.bind.0000', 'in-sync', 'matches-git']],
  },
  {
    name: '§2.5 the docs’ server.listener.smtp.bind.0 equals a file scalar',
    toml: '[server.listener.smtp]\nbind = "[::]:25"',
    live: { 'server.listener.smtp.bind.0': '[::]:25' },
    expect: [['server.listener.smtp.bind', 'in-sync', 'matches-git']],
  },
  {
    name: '§2.4/§2.5 [[t]] arrays of tables as the webadmin writes expressions: k.<i>.if, k.<i>.then, k.<n>.else',
    toml: '[[session.auth.mechanisms]]\nif = "local_port != 25"\nthen = "[plain, login]"\n[[session.auth.mechanisms]]\nelse = "false"',
    live: {
      'session.auth.mechanisms.0.if': 'local_port != 25',
      'session.auth.mechanisms.0.then': '[plain, login]',
      'session.auth.mechanisms.1.else': 'false',
    },
    expect: [
      ['session.auth.mechanisms.0000.if', 'in-sync', 'matches-git'],
      ['session.auth.mechanisms.0001.else', 'in-sync', 'matches-git'],
    ],
  },
  {
    name: '§2.4 nested arrays are k.0000.0001, the same element as k.0.1',
    toml: 'lookup.x.matrix = [["a", "b"], ["c"]]',
    live: {
      'lookup.x.matrix.0.0': 'a',
      'lookup.x.matrix.0.1': 'b',
      'lookup.x.matrix.1.0': 'c',
    },
    expect: [['lookup.x.matrix.0000.0001', 'in-sync', 'matches-git']],
  },
  {
    name: '§2.4 an inline table inside an array is k.0001.name',
    toml: 'directory.x.list = ["a", { name = "b" }]',
    live: { 'directory.x.list.0': 'a', 'directory.x.list.1.name': 'b' },
    expect: [['directory.x.list.0001.name', 'in-sync', 'matches-git']],
  },
  {
    name: '§2.4 a set k={ "red","green" } is k.red="", k.green=""',
    toml: 'spam.colours = { "red", "green" }',
    live: { 'spam.colours.red': '', 'spam.colours.green': 'x' },
    expect: [
      ['spam.colours.red', 'in-sync', 'matches-git'],
      ['spam.colours.green', 'changed-live', 'pod-file-differs'],
    ],
  },
  {
    name: '§2.4 quoted header segments keep their dots: "127.0.0.1" under [servers]',
    toml: '[servers]\n"127.0.0.1" = "x"',
    live: { 'servers.127.0.0.1': 'x' },
    expect: [['servers.127.0.0.1', 'in-sync', 'matches-git']],
  },
  {
    name: '§2.4 unquoted header characters are lowercased; key lines keep their case',
    toml: '[queue.ROUTE.relay]\nType = "relay"',
    live: { 'queue.route.relay.Type': 'relay' },
    expect: [['queue.route.relay.Type', 'in-sync', 'matches-git']],
  },
  {
    name: '§2.4 scalars are their literal text: true, 79.5, 8000',
    toml: 'spam.enable = true\nspam.score = 79.5\nspam.port = 8000',
    live: {
      'spam.enable': 'true',
      'spam.score': '79.5',
      'spam.port': '8000.0',
    },
    expect: [
      ['spam.enable', 'in-sync', 'matches-git'],
      ['spam.score', 'in-sync', 'matches-git'],
      ['spam.port', 'changed-live', 'pod-file-differs'],
    ],
  },
  {
    name: '§2.6 macros are compared as the raw text the API returns, several per value allowed',
    toml: 'store.pg.url = "postgres://%{env:PGUSER}%@%{env:PGHOST}%"\nstore.pg.password = "%{file://run/secrets/pg}%"',
    live: {
      'store.pg.url': 'postgres://%{env:PGUSER}%@%{env:PGHOST}%',
      'store.pg.password': '%{file:/run/secrets/pg}%',
    },
    expect: [
      ['store.pg.url', 'in-sync', 'matches-git'],
      // The leading // is stripped when expanding, not in the text the API returns.
      ['store.pg.password', 'changed-live', 'pod-file-differs'],
    ],
  },
  {
    name: '§2.1 the file wins over the database for a non-local key, and a database value of a local key is ignored',
    toml: `${LOCAL}[server]\nhostname = "mail.example.com"\n[queue.outbound]\nhostname = "a"`,
    live: {
      ...localKeys,
      'server.hostname': 'mail.example.com',
      'queue.outbound.hostname': 'a',
    },
    expect: [
      ['server.hostname', 'in-sync', 'matches-git'],
      ['queue.outbound.hostname', 'in-sync', 'matches-git'],
    ],
  },
  {
    name: 'v0.15.5 crates/common/src/manager/config.rs: db_list drops local keys, so a local key stored in the database is never shown and never shadowed',
    toml: `${LOCAL}[server]\nhostname = "mail.example.com"`,
    live: { ...localKeys, 'server.hostname': 'mail.example.com' },
    expect: [['server.hostname', 'in-sync', 'matches-git']],
  },
  {
    name: '§2.2 exclusions: server.blocked-ip.* is not local, so the database serves it',
    toml: LOCAL,
    live: { ...localKeys, 'server.blocked-ip.198.51.100.7': '' },
    expect: [
      ['server.blocked-ip.198.51.100.7', 'database-only-user', 'database-only'],
    ],
  },
  {
    name: '§2.7 oauth.key and the queue defaults with single-digit indices are server-managed',
    toml: LOCAL,
    live: {
      ...localKeys,
      'oauth.key': 'x'.repeat(64),
      'queue.limiter.inbound.sender.key.0': 'sender_domain',
    },
    expect: [
      ['oauth.key', 'database-only-server', 'server-managed'],
      [
        'queue.limiter.inbound.sender.key.0',
        'database-only-server',
        'server-managed',
      ],
    ],
  },
  {
    name: '§2.8.2 a local key edited in the admin UI lands in the pod’s file, and a new local key too',
    toml: `${LOCAL}[http]\nuse-x-forwarded = false`,
    live: { ...localKeys, 'http.use-x-forwarded': 'true', 'http.hsts': 'true' },
    pod: { configChecksum: 'c1' },
    current: 'c1',
    expect: [
      ['http.use-x-forwarded', 'changed-live', 'local-key-edited-live'],
      ['http.hsts', 'changed-live', 'local-key-edited-live'],
    ],
  },
  {
    name: '§2.8 "pod not on the current ConfigMap": changed and missing keys on a pod with an old checksum',
    toml: `${LOCAL}[queue.outbound]\nhostname = "b"\nnew-key = "n"`,
    live: { ...localKeys, 'queue.outbound.hostname': 'a' },
    pod: { configChecksum: 'old' },
    current: 'new',
    expect: [
      ['queue.outbound.hostname', 'changed-live', 'pod-on-old-config'],
      ['queue.outbound.new-key', 'missing-live', 'pod-on-old-config'],
    ],
  },
  {
    name: '§2.8.3 a key only the database holds is user-managed when only some pods would not serve it',
    toml: LOCAL,
    live: {
      a: {
        ...localKeys,
        'queue.route.resend.address': 'smtp.resend.com',
        'queue.x.only-a': '1',
      },
      b: { ...localKeys, 'queue.route.resend.address': 'smtp.resend.com' },
    },
    expect: [
      ['queue.route.resend.address', 'database-only-user', 'database-only'],
      // Served by one pod only, so it is in that pod's file, not the shared database.
      ['queue.x.only-a', 'changed-live', 'pod-file-differs'],
    ],
  },
];

describe('classifyDriftV015 on the facts doc examples', () => {
  it.each(CASES.map(c => [c.name, c] as const))('%s', (_, c) => {
    const perPod = Object.values(c.live).every(v => typeof v === 'object')
      ? (c.live as Record<string, Record<string, string>>)
      : { pod: c.live as Record<string, string> };
    const report = classifyDriftV015({
      // A ConfigMap ends with a newline; Stalwart's parser needs one after the last value.
      configToml: `${c.toml}\n`,
      currentConfigChecksum: c.current,
      pods: Object.entries(perPod).map(([name, settings]) => ({
        name,
        settings,
        ...c.pod,
      })),
    });
    for (const [key, cls, why] of c.expect) {
      expect(
        report.items.find(i => i.key === key && i.class === cls),
      ).toMatchObject({
        explanation: why,
      });
    }
    expect(report.errors).toEqual([]);
  });

  it('reports a config.toml Stalwart would refuse (§2.4 [[a]] [[b]] [[a]] is a duplicate key) as an error, not as drift', () => {
    const report = classifyDriftV015({
      configToml: '[[a]]\nx = 1\n[[b]]\ny = 1\n[[a]]\nx = 2',
      pods: [{ name: 'p', settings: {} }],
    });
    expect(report.items).toEqual([]);
    expect(report.errors).toEqual([
      expect.objectContaining({
        source: 'configmap',
        message: expect.stringMatching(/Duplicate key/i),
      }),
    ]);
  });

  it('reports an unreadable pod as a read error and classifies the others', () => {
    const report = classifyDriftV015({
      configToml: 'a.b = 1\n',
      pods: [
        { name: 'p0', settings: { 'a.b': '1' } },
        {
          name: 'p1',
          error: { message: 'connection refused', statusCode: 502 },
        },
      ],
    });
    expect(report.errors).toEqual([
      {
        pod: 'p1',
        source: 'settings',
        statusCode: 502,
        message: 'connection refused',
      },
    ]);
    expect(report.pods.map(p => p.read)).toEqual([true, false]);
    expect(report.counts['in-sync']).toBe(1);
  });
});
