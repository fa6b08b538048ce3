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

  it('returns an unsaved singleton whole, placeholders included (api-facts "Whole objects": get.rs Object::from, structs_impl.rs Default)', async () => {
    const { body } = await jmap([
      ['x:Metrics/get', { ids: ['singleton'] }, 'm'],
    ]);
    expect(body.methodResponses[0][1].list[0]).toEqual({
      id: 'singleton',
      metrics: {},
      metricsPolicy: 'exclude',
      openTelemetry: { '@type': 'Disabled' },
      prometheus: { '@type': 'Disabled' },
    });
  });

  it('returns stored objects whole: every property, stored or defaulted, false booleans included (api-facts "Whole objects": ser.rs)', async () => {
    const { body } = await jmap([
      ['x:NetworkListener/query', { filter: { name: 'smtp' } }, 'q'],
      [
        'x:NetworkListener/get',
        {
          '#ids': {
            resultOf: 'q',
            name: 'x:NetworkListener/query',
            path: '/ids',
          },
        },
        'g',
      ],
    ]);
    const [smtp] = body.methodResponses[1][1].list;
    // NetworkListener::default() at v0.16.18 (structs_impl.rs), the stored name/bind/protocol over it.
    expect(smtp).toEqual({
      id: expect.any(String),
      name: 'smtp',
      bind: { '[::]:25': true },
      protocol: 'smtp',
      maxConnections: 8192,
      overrideProxyTrustedNetworks: {},
      socketBacklog: 1024,
      socketNoDelay: true,
      socketReceiveBufferSize: null,
      socketReuseAddress: true,
      socketReusePort: true,
      socketSendBufferSize: null,
      socketTosV4: null,
      socketTtl: null,
      tlsDisableCipherSuites: {},
      tlsDisableProtocols: {},
      tlsIgnoreClientOrder: true,
      tlsImplicit: false,
      tlsTimeout: 60000,
      useTls: true,
    });
  });

  it('refuses null for a non-nullable boolean with notUpdated invalidPatch, and takes it for a nullable number (api-facts "Reset": patch.rs)', async () => {
    const { body: found } = await jmap([
      ['x:NetworkListener/query', { filter: { name: 'smtp' } }, 'q'],
    ]);
    const id = found.methodResponses[0][1].ids[0];
    const { body } = await jmap([
      [
        'x:NetworkListener/set',
        { update: { [id]: { tlsImplicit: null } } },
        's',
      ],
      ['x:NetworkListener/set', { update: { [id]: { socketTtl: null } } }, 't'],
      [
        'x:SystemSettings/set',
        { update: { singleton: { defaultHostname: '' } } },
        'u',
      ],
    ]);
    expect(body.methodResponses[0][1].notUpdated[id]).toEqual({
      type: 'invalidPatch',
      description:
        'Invalid value for boolean property (expected true or false)',
      properties: ['tlsImplicit'],
    });
    expect(body.methodResponses[1][1].updated).toEqual({ [id]: null });
    expect(body.methodResponses[2][1].notUpdated.singleton).toMatchObject({
      type: 'invalidPatch',
      properties: ['defaultHostname'],
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

  it('serves x: methods without urn:stalwart:jmap in using (api-facts "Capabilities": jmap/src/api/request.rs)', async () => {
    const { body } = await jmap(
      [['x:SystemSettings/get', { ids: ['singleton'] }, 'c']],
      ['urn:ietf:params:jmap:core'],
    );
    expect(body.methodResponses[0][0]).toBe('x:SystemSettings/get');
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

  it('lets the server create default routes only for types with zero objects, as defaults.rs writes them (api-facts "Server defaults")', async () => {
    const { body } = await jmap([
      ['x:MtaTlsStrategy/query', {}, 'q'],
      [
        'x:MtaTlsStrategy/get',
        {
          '#ids': {
            resultOf: 'q',
            name: 'x:MtaTlsStrategy/query',
            path: '/ids',
          },
          properties: ['name', 'description', 'allowInvalidCerts'],
        },
        'g',
      ],
      ['x:MtaRoute/query', {}, 'r'],
    ]);
    // The demo stores its own routes, so the server adds none; it has no TLS strategies.
    expect(body.methodResponses[2][1].total).toBe(2);
    expect(
      body.methodResponses[1][1].list.map((s: any) => [
        s.name,
        s.allowInvalidCerts,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['invalid-tls', true],
        ['default', false],
      ]),
    );
  });
});
