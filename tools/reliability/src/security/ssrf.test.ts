import type { Entity } from '@backstage/catalog-model';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordFigure } from '../figures/recordFigure';
import {
  authHeader,
  SecurityBackend,
  startSecurityBackend,
  USERS,
  HOMELAB,
  EDGE,
  COMPONENT_ROUTE,
} from './__testUtils__/securityBackend';

// One real backend for the file; a cold start takes ~20 s on a loaded machine.
jest.setTimeout(120_000);

/** A server the backend must never reach: it counts every TCP connection, HTTP or TLS. */
async function startDecoy() {
  const server = http.createServer((_req, res) => res.end('decoy'));
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    connections: () => connections,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

type Decoy = Awaited<ReturnType<typeof startDecoy>>;

/**
 * Entities whose annotations try to point the backend somewhere else: each a copy of a demo
 * instance with its annotations changed as `annotations(decoy)` says.
 */
const HOSTILE: {
  name: string;
  base: 'stalwart' | 'mail-edge';
  annotations: (decoy: Decoy) => Record<string, string>;
  /** The status route's cluster reported unavailable, if any. */
  unavailable?: (decoy: Decoy) => string;
  /** The drift route's answer, and what its error (or its per-pod errors) must say. */
  drift: [number, RegExp];
}[] = [
  {
    name: 'unknown-cluster',
    base: 'stalwart',
    annotations: () => ({ 'stalwart.io/clusters': 'nowhere' }),
    unavailable: () => 'nowhere',
    drift: [
      503,
      /Cluster nowhere cannot be used: it is not in kubernetes.clusterLocatorMethods/,
    ],
  },
  {
    name: 'cluster-url',
    base: 'stalwart',
    annotations: d => ({ 'stalwart.io/clusters': `http://${d.host}` }),
    unavailable: d => `http://${d.host}`,
    drift: [503, /Cluster http:\/\/127\.0\.0\.1:\d+ cannot be used/],
  },
  {
    name: 'cluster-url-with-path',
    base: 'stalwart',
    annotations: d => ({
      'stalwart.io/clusters': `https://${d.host}/clusters/homelab`,
    }),
    unavailable: d => `https://${d.host}/clusters/homelab`,
    drift: [
      503,
      /Cluster https:\/\/127\.0\.0\.1:\d+\/clusters\/homelab cannot be used/,
    ],
  },
  {
    name: 'cluster-ip',
    base: 'stalwart',
    annotations: () => ({ 'stalwart.io/clusters': '127.0.0.1' }),
    unavailable: () => '127.0.0.1',
    drift: [503, /Cluster 127\.0\.0\.1 cannot be used/],
  },
  {
    name: 'cluster-beside-a-good-one',
    base: 'stalwart',
    annotations: d => ({ 'stalwart.io/clusters': `homelab,http://${d.host}` }),
    unavailable: d => `http://${d.host}`,
    drift: [200, /^$/],
  },
  {
    name: 'namespace-traversal',
    base: 'stalwart',
    annotations: () => ({ 'stalwart.io/namespace': '../kube-system' }),
    drift: [
      503,
      /has no pods in namespace \.\.\/kube-system of cluster homelab/,
    ],
  },
  {
    name: 'namespace-encoded-slash',
    base: 'stalwart',
    annotations: () => ({
      'stalwart.io/namespace': 'stalwart%2F..%2Fkube-system',
    }),
    drift: [503, /has no pods in namespace stalwart%2F\.\.%2Fkube-system/],
  },
  {
    name: 'release-traversal',
    base: 'stalwart',
    annotations: () => ({ 'stalwart.io/release': '../../secrets/x' }),
    drift: [503, /Release \.\.\/\.\.\/secrets\/x has no pods/],
  },
  {
    name: 'release-url',
    base: 'stalwart',
    annotations: d => ({ 'stalwart.io/release': `http://${d.host}/` }),
    drift: [503, /Release http:\/\/127\.0\.0\.1:\d+\/ has no pods/],
  },
  {
    name: 'hostname-decoy',
    base: 'stalwart',
    annotations: d => ({ 'stalwart.io/hostname': d.host }),
    drift: [200, /^$/],
  },
  {
    name: 'credentials-other-namespace',
    base: 'stalwart',
    annotations: () => ({
      'stalwart.io/credentials-secret': 'kube-system/backstage-token',
    }),
    drift: [200, /Secret stalwart\/kube-system does not exist/],
  },
  {
    name: 'credentials-traversal',
    base: 'stalwart',
    annotations: () => ({
      'stalwart.io/credentials-secret': 'basic:../kube-system/token',
    }),
    drift: [
      200,
      /must be \[apiKey:\|basic:\]<secret-name>\[\/<key>\], got "basic:\.\.\/kube-system\/token"/,
    ],
  },
  {
    name: 'credentials-url',
    base: 'stalwart',
    annotations: d => ({
      'stalwart.io/credentials-secret': `http://${d.host}/secret`,
    }),
    drift: [
      200,
      /must be \[apiKey:\|basic:\]<secret-name>\[\/<key>\], got "http:/,
    ],
  },
  {
    name: 'plan-at-decoy',
    base: 'mail-edge',
    annotations: d => ({
      'backstage.io/managed-by-location': `url:http://${d.host}/fleet/mail-edge/catalog-info.yaml`,
    }),
    drift: [
      200,
      /settings-plan\.ndjson could not be read: Reading from '.*' is not allowed/,
    ],
  },
  {
    name: 'plan-on-disk',
    base: 'mail-edge',
    annotations: () => ({
      'backstage.io/managed-by-location':
        'file:/etc/stalwart/catalog-info.yaml',
    }),
    drift: [200, /registered from a file location/],
  },
];

/** What a caller might slip into a request to choose the address the backend talks to. */
const CALLER_INPUTS = (d: Decoy) => ({
  query: [
    `url=http://${d.host}/`,
    `host=${d.host}`,
    `server=https://${d.host}`,
    `cluster=http://${d.host}`,
    `cluster=${d.host}`,
    `cluster=127.0.0.1`,
    `cluster=..%2F..%2Fapi`,
    `baseUrl=http://${d.host}`,
  ],
  headers: [
    { 'X-Forwarded-Host': d.host },
    { 'X-Forwarded-Host': d.host, 'X-Forwarded-Proto': 'http' },
    { Forwarded: `host=${d.host};proto=http` },
    { 'X-Original-URL': `http://${d.host}/` },
    { 'X-Rewrite-URL': `http://${d.host}/` },
    { Host: d.host },
  ] as Record<string, string>[],
  bodies: [
    { cluster: `http://${d.host}` },
    { cluster: '127.0.0.1' },
    { cluster: 'nowhere' },
    { url: `http://${d.host}/` },
    { host: d.host },
    { target: { url: `http://${d.host}` } },
  ] as Record<string, unknown>[],
});

/** Sends a request with any headers, Host included, which fetch would not let us set. */
function rawRequest(
  baseUrl: string,
  route: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}${route}`,
      { headers: { Authorization: authHeader(USERS.operator), ...headers } },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('no caller and no catalog entry chooses where the backend connects', () => {
  let decoy: Decoy;
  let backend: SecurityBackend;
  /** Every Kubernetes API path the backend asked the simulator for. */
  const kubePaths: string[] = [];
  let tried = 0;
  let hostileHeld = 0;

  beforeAll(async () => {
    decoy = await startDecoy();
    backend = await startSecurityBackend({
      entities: demo => [
        ...demo,
        ...HOSTILE.map((hostile): Entity => {
          const base = demo.find(e => e.metadata.name === hostile.base)!;
          return {
            ...base,
            metadata: {
              ...base.metadata,
              name: `ssrf-${hostile.name}`,
              annotations: {
                ...base.metadata.annotations,
                ...hostile.annotations(decoy),
              },
            },
          };
        }),
      ],
      stalwart: {
        remediation: { rateLimit: { requests: 1000, window: { minutes: 1 } } },
      },
    });
    const { faults } = backend.simulator.control;
    const failureFor = faults.failureFor.bind(faults);
    faults.failureFor = (path: string) => {
      kubePaths.push(path);
      return failureFor(path);
    };
  });
  afterAll(async () => {
    await backend?.stop();
    await decoy?.close();
  });

  it('takes no address from query parameters, bodies or forwarding headers on any route', async () => {
    const inputs = CALLER_INPUTS(decoy);
    const statuses = new Map<number, number>();
    const seen = (status: number) =>
      statuses.set(status, (statuses.get(status) ?? 0) + 1);

    for (const route of [`${HOMELAB}/status`, `${EDGE}/drift`]) {
      for (const query of inputs.query) {
        const res = await backend.request(USERS.operator, `${route}?${query}`);
        const body = await res.json();
        seen(res.status);
        tried += 1;
        // Ignored by the status route, which takes no parameters; refused by drift, naming
        // the parameter, or (a well-formed cluster name) answered as not the entity's cluster.
        const driftAnswer = /^cluster=[\w.-]+$/.test(query) ? 404 : 400;
        const expected = route.endsWith('/status') ? 200 : driftAnswer;
        expect([query, res.status]).toEqual([query, expected]);
        expect([
          query,
          res.status === 200 || /cluster|query/.test(body.error?.message),
        ]).toEqual([query, true]);
      }
      for (const headers of inputs.headers) {
        const res = await rawRequest(backend.baseUrl, route, headers);
        seen(res.status);
        tried += 1;
        expect(res.status).toBe(200);
      }
    }
    for (const extra of inputs.bodies) {
      const res = await backend.request(
        USERS.operator,
        `${EDGE}/drift/remediations`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            action: 'reset-to-git',
            itemIds: ['x:SystemSettings/singleton/maxConnections'],
            dryRun: true,
            ...extra,
          }),
        },
      );
      const body = await res.json();
      seen(res.status);
      tried += 1;
      const wellFormedCluster =
        typeof extra.cluster === 'string' && /^[\w.-]+$/.test(extra.cluster);
      expect([extra, res.status]).toEqual([
        extra,
        wellFormedCluster ? 404 : 400,
      ]);
      expect(body.error.message).toMatch(
        wellFormedCluster ? /does not run in cluster/ : /^Invalid body: /,
      );
    }

    expect(decoy.connections()).toBe(0);
    recordFigure({
      property: 'security.ssrf',
      measure:
        'caller inputs tried (query parameters, forwarding headers, remediation bodies)',
      value: tried,
    });
    recordFigure({
      property: 'security.ssrf',
      measure: 'answers to them, by status',
      value: [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', '),
    });
  });

  it.each(HOSTILE.map(h => [h.name, h] as const))(
    'keeps the entity annotated %s to configured clusters and its own namespace, with a clear answer',
    async (_, hostile) => {
      const before = kubePaths.length;
      const route = `${COMPONENT_ROUTE}/ssrf-${hostile.name}`;
      const status = await backend.request(USERS.operator, `${route}/status`);
      const statusBody = await status.json();
      const drift = await backend.request(USERS.operator, `${route}/drift`);
      const driftBody = await drift.json();

      expect(decoy.connections()).toBe(0);
      // The status route answers per cluster; a cluster it may not use is named with why.
      expect(status.status).toBe(200);
      expect(
        statusBody.clusters
          .filter((c: any) => c.data === 'unavailable')
          .map((c: any) => [c.cluster, c.error.message]),
      ).toEqual(
        hostile.unavailable
          ? [
              [
                hostile.unavailable(decoy),
                `Cluster "${hostile.unavailable(
                  decoy,
                )}" is not configured in kubernetes.clusterLocatorMethods`,
              ],
            ]
          : [],
      );
      const [driftStatus, driftMessage] = hostile.drift;
      expect(drift.status).toBe(driftStatus);
      const said = [
        driftBody.error?.message,
        ...(driftBody.errors ?? []).map((e: any) => e.message),
      ]
        .filter(Boolean)
        .join('\n');
      expect(said).toMatch(driftMessage);

      const paths = kubePaths.slice(before);
      expect(paths.filter(p => /\.\.|%2f/i.test(p))).toEqual([]);
      const secretNamespaces = paths
        .map(p => p.match(/\/namespaces\/([^/]+)\/secrets\//)?.[1])
        .filter(Boolean);
      expect(
        secretNamespaces.filter(ns => !['stalwart', 'mail'].includes(ns!)),
      ).toEqual([]);
      hostileHeld += 1;
    },
  );

  it('records what reached the decoy, and shows the decoy and the path log would have seen it', async () => {
    const reached = decoy.connections();
    expect(reached).toBe(0);
    expect(hostileHeld).toBe(HOSTILE.length);
    expect(kubePaths.length).toBeGreaterThan(0);
    await (await fetch(`http://${decoy.host}/`)).text();
    expect(decoy.connections()).toBe(1);
    recordFigure({
      property: 'security.ssrf',
      measure:
        'hostile entity annotations tried (clusters, namespace, release, hostname, credentials Secret, plan location)',
      value: HOSTILE.length,
    });
    recordFigure({
      property: 'security.ssrf',
      measure: 'connections reaching the decoy server on 127.0.0.1',
      value: reached,
      bound: '= 0',
    });
    recordFigure({
      property: 'security.ssrf',
      measure:
        'Kubernetes requests with a traversal in the path, or reading a Secret outside the instance namespace',
      value: 0,
      bound: '= 0',
    });
  });
});
