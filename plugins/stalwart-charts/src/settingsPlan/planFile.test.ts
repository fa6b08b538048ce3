import {
  parseSettingsPlan,
  parseSettingsPlanOperations,
  planTypeName,
} from './planFile';

// Each expectation follows docs/stalwart-api-facts.md "Plan format" (stalwart-cli `apply.rs`
// `RawOp`, `snapshot.rs`, and the docs' `apply.md`); the test names say which part.
const ndjson = (...ops: unknown[]) =>
  ops.map(op => JSON.stringify(op)).join('\n');

const LABELS: Record<string, string> = {
  'x:NetworkListener': 'name',
  'x:MtaRoute': 'name',
};
const SINGLETONS = new Set(['x:SystemSettings', 'x:Metrics']);
const parse = (plan: string) =>
  parseSettingsPlan(
    plan,
    type => LABELS[type],
    type => SINGLETONS.has(type),
  );

describe('the settings plan parser', () => {
  it('reads an update of a collection object by its top-level id, declaring only the patched fields (api-facts "Plan format": update carries id for collections)', () => {
    expect(
      parse(
        ndjson({
          '@type': 'update',
          object: 'NetworkListener',
          id: 'b4k2',
          value: { tlsImplicit: true, 'socket/backlog': 512 },
        }),
      ),
    ).toEqual([
      {
        type: 'x:NetworkListener',
        operation: 'update',
        cid: 'b4k2',
        id: 'b4k2',
        matchOn: [],
        value: { tlsImplicit: true, 'socket/backlog': 512 },
      },
    ]);
  });

  it('refuses an update of a collection without an id, naming the line (api-facts "Plan format": the id is required for collections)', () => {
    const plan = ndjson(
      { '@type': 'update', object: 'SystemSettings', value: {} },
      { '@type': 'update', object: 'x:MtaRoute', value: { description: 'x' } },
    );
    expect(() => parse(plan)).toThrow(
      'settings plan line 2: an update of x:MtaRoute needs a top-level "id"',
    );
  });

  it('folds an update whose id is "#cid" into the earlier create it names, as snapshot writes deferred updates (api-facts "Plan format": snapshot.rs)', () => {
    const declared = parse(
      ndjson(
        {
          '@type': 'create',
          object: 'MtaRoute',
          value: { '#relay': { name: 'relay', address: 'smtp.example.org' } },
        },
        {
          '@type': 'update',
          object: 'MtaRoute',
          id: '#relay',
          value: { 'auth/username': 'mailer' },
        },
      ),
    );
    expect(declared).toEqual([
      {
        type: 'x:MtaRoute',
        operation: 'create',
        cid: 'relay',
        matchOn: ['name'],
        value: {
          name: 'relay',
          address: 'smtp.example.org',
          auth: { username: 'mailer' },
        },
      },
    ]);
  });

  it('refuses an update whose "#cid" names no earlier create', () => {
    expect(() =>
      parse(
        ndjson({
          '@type': 'update',
          object: 'MtaRoute',
          id: '#nowhere',
          value: { description: 'x' },
        }),
      ),
    ).toThrow('settings plan line 1: "id" #nowhere names no earlier create');
  });

  it('takes a singleton update with no id or the id "singleton", and refuses any other id (api-facts "Plan format": singletons)', () => {
    const declared = parse(
      ndjson(
        {
          '@type': 'update',
          object: 'SystemSettings',
          value: { defaultHostname: 'mail.example.org' },
        },
        {
          '@type': 'update',
          object: 'x:Metrics',
          id: 'singleton',
          value: { metricsPolicy: 'include' },
        },
      ),
    );
    expect(declared.map(d => [d.type, d.cid, d.id])).toEqual([
      ['x:SystemSettings', 'singleton', undefined],
      ['x:Metrics', 'singleton', undefined],
    ]);
    expect(() =>
      parse(
        ndjson({
          '@type': 'update',
          object: 'Metrics',
          id: 'abc',
          value: {},
        }),
      ),
    ).toThrow(
      'settings plan line 1: x:Metrics is a singleton; its "id" must be "singleton" or absent',
    );
  });

  it('reads a destroy value as a query filter, absent or null meaning every object (api-facts "Plan format": destroy)', () => {
    const declared = parse(
      ndjson(
        { '@type': 'destroy', object: 'NetworkListener', value: { port: 143 } },
        { '@type': 'destroy', object: 'MtaRoute' },
        { '@type': 'destroy', object: 'Certificate', value: null },
      ),
    );
    expect(declared.map(d => [d.type, d.operation, d.filter])).toEqual([
      ['x:NetworkListener', 'destroy', { port: 143 }],
      ['x:MtaRoute', 'destroy', {}],
      ['x:Certificate', 'destroy', {}],
    ]);
    expect(() =>
      parse(ndjson({ '@type': 'destroy', object: 'Metrics' })),
    ).toThrow(
      'settings plan line 1: x:Metrics is a singleton and cannot be destroyed',
    );
    expect(() =>
      parseSettingsPlanOperations(
        ndjson({ '@type': 'destroy', object: 'MtaRoute', value: ['a', 'b'] }),
      ),
    ).toThrow(
      'settings plan line 1: destroy "value" must be a query filter object or null',
    );
  });

  it('matches an upsert on its matchOn fields, else on the type\'s labelProperty (api-facts "Plan format": upsert, CLI 1.0.9+)', () => {
    const declared = parse(
      ndjson(
        {
          '@type': 'upsert',
          object: 'NetworkListener',
          matchOn: ['protocol', 'bind'],
          value: { imap: { protocol: 'imap', bind: { '0': '[::]:143' } } },
        },
        {
          '@type': 'upsert',
          object: 'NetworkListener',
          value: { smtp: { name: 'smtp' } },
        },
      ),
    );
    expect(declared.map(d => [d.cid, d.operation, d.matchOn])).toEqual([
      ['imap', 'upsert', ['protocol', 'bind']],
      ['smtp', 'upsert', ['name']],
    ]);
    expect(() =>
      parseSettingsPlanOperations(
        ndjson({
          '@type': 'upsert',
          object: 'NetworkListener',
          matchOn: [],
          value: { a: {} },
        }),
      ),
    ).toThrow(
      'settings plan line 1: upsert "matchOn" must be a non-empty list of field names',
    );
  });

  it('refuses an operation it does not support, the CLI\'s reconcile included, naming its line (api-facts "Plan format": reconcile is not supported)', () => {
    const plan = [
      JSON.stringify({
        '@type': 'update',
        object: 'SystemSettings',
        value: {},
      }),
      '',
      JSON.stringify({
        '@type': 'reconcile',
        object: 'NetworkListener',
        value: {},
      }),
    ].join('\n');
    expect(() => parseSettingsPlanOperations(plan)).toThrow(
      'settings plan line 3: "@type" must be one of create, update, destroy, upsert (got "reconcile")',
    );
  });

  it('refuses an upsert of a singleton, as the CLI does (api-facts "Plan format": upsert)', () => {
    expect(() =>
      parse(
        ndjson({
          '@type': 'upsert',
          object: 'SystemSettings',
          value: { s: { defaultHostname: 'mail.example.org' } },
        }),
      ),
    ).toThrow(
      'settings plan line 1: x:SystemSettings is a singleton and cannot be upserted; update it',
    );
  });

  it('refuses a field the operation does not take, which the CLI would silently ignore (api-facts "Plan format": unknown fields)', () => {
    expect(() =>
      parseSettingsPlanOperations(
        ndjson({
          '@type': 'create',
          object: 'MtaRoute',
          scope: 'all',
          value: { a: { name: 'a' } },
        }),
      ),
    ).toThrow('settings plan line 1: create does not take "scope"');
    expect(() =>
      parseSettingsPlanOperations(
        ndjson({
          '@type': 'update',
          object: 'SystemSettings',
          matchOn: ['x'],
          value: {},
        }),
      ),
    ).toThrow('settings plan line 1: update does not take "matchOn"');
  });

  it('refuses a line that is not JSON, or a create that names no objects, by line number', () => {
    expect(() => parseSettingsPlanOperations('{"@type":')).toThrow(
      'settings plan line 1: not JSON',
    );
    expect(() =>
      parseSettingsPlanOperations(
        ndjson({ '@type': 'create', object: 'MtaRoute', value: {} }),
      ),
    ).toThrow('settings plan line 1: create "value" names no objects');
  });

  it('refuses a create naming one client id twice, with and without its "#" (api-facts "Plan format": create strips "#" and refuses duplicates)', () => {
    expect(() =>
      parseSettingsPlanOperations(
        ndjson({
          '@type': 'create',
          object: 'MtaRoute',
          value: { a: { name: 'a' }, '#a': { name: 'b' } },
        }),
      ),
    ).toThrow(
      'settings plan line 1: create "value" names the client id "a" twice',
    );
  });

  it('accepts the object name with or without the x: prefix, in any case (apply.md "objectName")', () => {
    expect(planTypeName('NetworkListener')).toBe('x:NetworkListener');
    expect(planTypeName('X:NetworkListener')).toBe('x:NetworkListener');
    expect(planTypeName('x:NetworkListener')).toBe('x:NetworkListener');
  });
});
