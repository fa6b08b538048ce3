import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createSimulator } from '../../createSimulator';

// Every expectation cites ../shared/docs/stalwart-v016.md (facts read from Stalwart v0.16.18).
const DEMO = path.resolve(__dirname, '../../../scenarios/demo');
const API_KEY = 'Bearer API_AAAAAQAAAAdkZWZnaGlqa2xtbm9wcXJzdHV2dw';
const USING = ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap'];

describe('the simulated Stalwart v0.16 JMAP registry', () => {
  const simulator = createSimulator({ scenario: DEMO });
  afterAll(() => simulator.close());
  const pod = simulator.control.podFetch('edge', 'mail', 'mail-stalwart-0');
  const jmap = async (
    methodCalls: unknown[],
    using = USING,
    authorization = API_KEY,
  ) => {
    const response = await pod('/jmap', {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ using, methodCalls }),
    });
    return { status: response.status, body: await response.json() };
  };

  it('gets a singleton by the id "singleton" as {list, notFound} without state (§1 Get)', async () => {
    const { body } = await jmap([
      ['x:SystemSettings/get', { ids: ['singleton'] }, 'c0'],
    ]);
    const [name, result, callId] = body.methodResponses[0];
    expect([name, callId]).toEqual(['x:SystemSettings/get', 'c0']);
    expect(result).toEqual({
      list: [
        expect.objectContaining({
          id: 'singleton',
          defaultHostname: 'mail.edge.example.org',
          maxConnections: 20000,
        }),
      ],
      notFound: [],
    });
  });

  it('returns an unsaved singleton filled with its defaults (§1 Get)', async () => {
    const { body } = await jmap([
      ['x:Metrics/get', { ids: ['singleton'] }, 'm'],
    ]);
    expect(body.methodResponses[0][1].list[0]).toEqual({
      prometheus: { '@type': 'Disabled' },
      id: 'singleton',
    });
  });

  it('masks literal secrets as "****" and returns environment references in full (§1 Secrets)', async () => {
    const { body } = await jmap([
      ['x:MtaRoute/query', { filter: {} }, 'q'],
      [
        'x:MtaRoute/get',
        { '#ids': { resultOf: 'q', name: 'x:MtaRoute/query', path: '/ids' } },
        'g',
      ],
      ['x:DataStore/get', { ids: ['singleton'] }, 'd'],
    ]);
    const routes = body.methodResponses[1][1].list;
    expect(routes.find((r: any) => r.name === 'resend').authSecret).toEqual({
      '@type': 'Value',
      secret: '****',
    });
    expect(body.methodResponses[2][1].list[0].authSecret).toEqual({
      '@type': 'EnvironmentVariable',
      variableName: 'POSTGRES_PASSWORD',
    });
    expect(JSON.stringify(body)).not.toContain('re_demo_edge_resend_key');
  });

  it('pages collections with query and refuses query on singletons (§1 Methods)', async () => {
    const { body } = await jmap([
      ['x:NetworkListener/query', { filter: {}, limit: 2 }, 'a'],
      ['x:SystemSettings/query', {}, 'b'],
    ]);
    expect(body.methodResponses[0][1]).toMatchObject({ position: 0, total: 5 });
    expect(body.methodResponses[0][1].ids).toHaveLength(2);
    expect(body.methodResponses[1]).toEqual([
      'error',
      { type: 'unknownMethod' },
      'b',
    ]);
  });

  it('needs urn:stalwart:jmap in using (§1 Endpoint)', async () => {
    const { body } = await jmap(
      [['x:SystemSettings/get', { ids: ['singleton'] }, 'c']],
      ['urn:ietf:params:jmap:core'],
    );
    expect(body.methodResponses[0]).toEqual([
      'error',
      { type: 'unknownMethod' },
      'c',
    ]);
  });

  it('updates with JSON-pointer patches, refuses singleton create and duplicate natural keys (§1 Set)', async () => {
    const { body } = await jmap([
      [
        'x:SystemSettings/set',
        { update: { singleton: { 'services/imap/cleartext': true } } },
        's',
      ],
      [
        'x:SystemSettings/set',
        { create: { n: { defaultHostname: 'x' } } },
        't',
      ],
      [
        'x:NetworkListener/set',
        {
          create: {
            l: { name: 'smtp', bind: { '[::]:2525': true }, protocol: 'smtp' },
          },
        },
        'u',
      ],
      [
        'x:SystemSettings/get',
        { ids: ['singleton'], properties: ['services'] },
        'v',
      ],
    ]);
    expect(body.methodResponses[0][1]).toEqual({
      updated: { singleton: null },
    });
    expect(body.methodResponses[1][1].notCreated.n.type).toBe('singleton');
    expect(body.methodResponses[2][1].notCreated.l.type).toBe(
      'primaryKeyViolation',
    );
    expect(body.methodResponses[3][1].list[0].services.imap.cleartext).toBe(
      true,
    );
  });

  it('counts ReloadSettings actions (§1 Reloading)', async () => {
    const before = simulator.control.stalwart('edge', 'mail', 'mail').v016!
      .reloads;
    const { body } = await jmap([
      ['x:Action/set', { create: { a: { '@type': 'ReloadSettings' } } }, 'r'],
    ]);
    expect(Object.keys(body.methodResponses[0][1].created)).toEqual(['a']);
    expect(
      simulator.control.stalwart('edge', 'mail', 'mail').v016!.reloads,
    ).toBe(before + 1);
  });

  it('redirects /api/schema to a hash whose prefix names the version, served as gzip JSON (§1 Schema, §4 table)', async () => {
    const redirect = await pod('/api/schema', {
      headers: { Authorization: API_KEY },
    });
    expect(redirect.status).toBe(307);
    const location = redirect.headers.get('location')!;
    expect(location).toMatch(/^\/api\/schema\/25gn[A-Za-z0-9_-]{39}$/);
    const schema = await pod(location, { headers: { Authorization: API_KEY } });
    expect(schema.headers.get('content-encoding')).toBe('gzip');
    const parsed = JSON.parse(
      gunzipSync(Buffer.from(await schema.arrayBuffer())).toString('utf8'),
    );
    expect(parsed.lists['x:NetworkListener'].labelProperty).toBe('name');
    expect(parsed.fields['x:ApiKey'].properties.secret.update).toBe(
      'serverSet',
    );
  });

  it('accepts the recovery admin with Basic auth and rejects a malformed API key with 401 (§1 Authentication)', async () => {
    const admin = `Basic ${Buffer.from('admin:demo-recovery-secret').toString(
      'base64',
    )}`;
    expect(
      (await jmap([['x:Authentication/get', {}, 'a']], USING, admin)).status,
    ).toBe(200);
    const rejected = await jmap(
      [['x:Authentication/get', {}, 'a']],
      USING,
      'Bearer API_short',
    );
    expect(rejected.status).toBe(401);
    expect(rejected.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('lets the server create default listeners only for types with zero objects (§2 Server-managed defaults)', async () => {
    const { body } = await jmap([['x:MtaRoute/query', {}, 'q']]);
    expect(body.methodResponses[0][1].total).toBe(2);
  });
});
