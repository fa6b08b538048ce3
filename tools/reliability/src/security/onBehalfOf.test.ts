import { recordFigure } from '../figures/recordFigure';
import {
  SecurityBackend,
  startSecurityBackend,
  USERS,
  HOMELAB,
  EDGE,
} from './__testUtils__/securityBackend';

// One real backend for the file; a cold start takes ~20 s on a loaded machine.
jest.setTimeout(120_000);

const dryRun: RequestInit = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    action: 'reset-to-git',
    itemIds: ['x:SystemSettings/singleton/maxConnections'],
    dryRun: true,
  }),
};

/** Each user route, with the permission it is decided on. */
const ROUTES = [
  {
    name: 'status',
    route: `${HOMELAB}/status`,
    permission: 'stalwart.instance.read',
  },
  {
    name: 'drift',
    route: `${EDGE}/drift`,
    permission: 'stalwart.settings.read',
  },
  {
    name: 'remediation',
    route: `${EDGE}/drift/remediations`,
    init: dryRun,
    permission: 'stalwart.settings.reset',
  },
];

describe('the backend answers users on their credentials, never its own', () => {
  let backend: SecurityBackend;
  const tally = {
    requests: 0,
    catalogCalls: 0,
    policyCalls: 0,
    crossUser: 0,
    casesHeld: 0,
  };

  /** Sends one request and returns who the permission policy and the catalog saw. */
  async function asUser(user: string, route: string, init?: RequestInit) {
    const policyBefore = backend.policyCalls.length;
    const catalogBefore = backend.catalogCalls.length;
    const res = await backend.request(user, route, init);
    await res.arrayBuffer();
    const policy = backend.policyCalls.slice(policyBefore);
    const catalog = backend.catalogCalls.slice(catalogBefore);
    tally.requests += 1;
    tally.policyCalls += policy.length;
    tally.catalogCalls += catalog.length;
    return {
      status: res.status,
      policyUsers: [...new Set(policy.map(c => c.user))],
      policyPermissions: policy.map(c => c.permission),
      catalogPrincipals: [...new Set(catalog.map(c => c.principal))],
    };
  }

  beforeAll(async () => {
    backend = await startSecurityBackend();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it.each(ROUTES.map(r => [r.name, r] as const))(
    'decides %s as the calling user and reads the catalog as that user',
    async (_, { route, init, permission }) => {
      const first = await asUser(USERS.operator, route, init);
      expect(first).toEqual({
        status: 200,
        policyUsers: [USERS.operator],
        policyPermissions: [permission],
        catalogPrincipals: [USERS.operator],
      });
      // Again, perhaps from a per-user cache: still nobody but the caller is asked about.
      const again = await asUser(USERS.operator, route, init);
      expect(again.status).toBe(200);
      expect(again.policyUsers).toEqual(
        again.policyUsers.length ? [USERS.operator] : [],
      );
      expect(again.catalogPrincipals).toEqual(
        again.catalogPrincipals.length ? [USERS.operator] : [],
      );
      tally.casesHeld += 1;
    },
  );

  it.each(ROUTES.map(r => [r.name, r] as const))(
    'never serves one user\u2019s ALLOW of %s to another user, before or after',
    async (_, { route, init, permission }) => {
      // The reader holds everything but reset; the stranger nothing.
      const other =
        permission === 'stalwart.settings.reset'
          ? USERS.reader
          : USERS.stranger;
      const allowed = await asUser(USERS.operator, route, init);
      const refused = await asUser(other, route, init);
      const allowedAgain = await asUser(USERS.operator, route, init);
      expect([allowed.status, refused.status, allowedAgain.status]).toEqual([
        200, 403, 200,
      ]);
      expect(refused.policyUsers).toEqual([other]);
      expect(refused.catalogPrincipals).toEqual(
        refused.catalogPrincipals.length ? [other] : [],
      );
      tally.casesHeld += 1;
    },
  );

  it('keeps users apart when their requests arrive at the same time', async () => {
    const rounds = 8;
    const sent = Array.from({ length: rounds }, () => [
      asUser(USERS.operator, `${HOMELAB}/status`),
      asUser(USERS.stranger, `${HOMELAB}/status`),
      asUser(USERS.reader, `${HOMELAB}/status`),
    ]).flat();
    const answers = await Promise.all(sent);
    const statuses = answers.map(a => a.status);
    const expected = Array.from({ length: rounds }, () => [
      200, 403, 200,
    ]).flat();
    tally.crossUser = statuses.filter((s, i) => s !== expected[i]).length;
    expect(statuses).toEqual(expected);
    tally.casesHeld += 1;
  });

  it('never reads the catalog or asks the policy on the backend\u2019s own credentials', () => {
    const principals = new Set(backend.catalogCalls.map(c => c.principal));
    const asked = new Set(backend.policyCalls.map(c => c.user));
    const users = new Set<string | null>(Object.values(USERS));
    expect([...principals].filter(p => !users.has(p))).toEqual([]);
    expect([...asked].filter(u => !users.has(u))).toEqual([]);
    expect(tally.catalogCalls).toBeGreaterThan(0);
    expect(tally.casesHeld).toBe(2 * ROUTES.length + 1);

    recordFigure({
      property: 'security.own-credentials',
      measure: 'user requests sent (status, drift, remediation; 3 users)',
      value: tally.requests,
    });
    recordFigure({
      property: 'security.own-credentials',
      measure: 'catalog calls made on the caller\u2019s credentials',
      value: `${backend.catalogCalls.length} of ${backend.catalogCalls.length}`,
      bound: '= all',
    });
    recordFigure({
      property: 'security.own-credentials',
      measure:
        'permission decisions the policy made for the calling user (as the permission backend resolved the forwarded token)',
      value: `${backend.policyCalls.length} of ${backend.policyCalls.length}`,
      bound: '= all',
    });
    recordFigure({
      property: 'security.own-credentials',
      measure:
        'answers where one user\u2019s decision served another (sequential and 24 concurrent requests)',
      value: tally.crossUser,
      bound: '= 0',
    });
  });
});
