import { parseSettingsPlanOperations } from '@stalwart-backstage/plugin-stalwart-charts';
import type { StalwartServerDocument } from '../types';
import { applySettingsPlan } from './applySettingsPlan';
import { V016Server } from './V016Server';

// docs/stalwart-api-facts.md "Plan format" (stalwart-cli apply.rs): what `stalwart-cli apply`
// does with a plan, against a fresh server holding what defaults.rs creates on start.
const freshServer = () =>
  new V016Server({
    apiVersion: 'simulator.stalwart-backstage.io/v1alpha1',
    kind: 'StalwartServer',
    metadata: { name: 'mail', namespace: 'mail' },
    spec: { version: '0.16.18', podSelector: {}, serverDefaults: true },
  } as StalwartServerDocument);

const plan = (...ops: unknown[]) =>
  parseSettingsPlanOperations(ops.map(op => JSON.stringify(op)).join('\n'));

const listeners = (server: V016Server) =>
  [...server.objects('x:NetworkListener').keys()].map(id =>
    server.read('x:NetworkListener', id),
  );

describe('applySettingsPlan, the simulated stalwart-cli apply', () => {
  it('runs every destroy before any create, so a plan can replace an object by its natural key (api-facts "Plan format": destroys first)', () => {
    const server = freshServer();
    const result = applySettingsPlan(
      server,
      plan(
        {
          '@type': 'create',
          object: 'NetworkListener',
          value: {
            web: {
              name: 'http',
              protocol: 'http',
              bind: { '[::]:8081': true },
            },
          },
        },
        {
          '@type': 'destroy',
          object: 'NetworkListener',
          value: { name: 'http' },
        },
      ),
    );
    expect(result).toEqual({
      created: 1,
      updated: 0,
      destroyed: 1,
      failures: [],
    });
    const http = listeners(server).filter(l => l.name === 'http');
    expect(http.map(l => l.bind)).toEqual([{ '[::]:8081': true }]);
  });

  it('destroys what the filter matches and nothing else, an absent filter meaning every object (api-facts "Plan format": destroy value is a query filter)', () => {
    const server = freshServer();
    applySettingsPlan(
      server,
      plan({
        '@type': 'destroy',
        object: 'NetworkListener',
        value: { tlsImplicit: true },
      }),
    );
    expect(
      listeners(server)
        .map(l => l.name)
        .sort(),
    ).toEqual(['http', 'sieve', 'smtp']);
    const all = applySettingsPlan(
      server,
      plan({ '@type': 'destroy', object: 'MtaRoute' }),
    );
    expect(all.destroyed).toBe(2);
    expect(server.objects('x:MtaRoute').size).toBe(0);
  });

  it('resolves an update\'s "#cid" id and "#cid" references to the objects the plan created (api-facts "Plan format": snapshot.rs deferred updates)', () => {
    const server = freshServer();
    const result = applySettingsPlan(
      server,
      plan(
        {
          '@type': 'create',
          object: 'NetworkListener',
          value: {
            '#imap': {
              name: 'imap',
              protocol: 'imap',
              bind: { '[::]:143': true },
            },
          },
        },
        {
          '@type': 'update',
          object: 'NetworkListener',
          id: '#imap',
          value: { 'bind/[::]:1143': true },
        },
      ),
    );
    expect(result).toMatchObject({ created: 1, updated: 1, failures: [] });
    expect(listeners(server).find(l => l.name === 'imap').bind).toEqual({
      '[::]:143': true,
      '[::]:1143': true,
    });
  });

  it('updates a singleton without an id and a collection object by its server id (api-facts "Plan format": update)', () => {
    const server = freshServer();
    const [smtpId] = [...server.objects('x:NetworkListener')].find(
      ([, l]) => l.name === 'smtp',
    )!;
    const result = applySettingsPlan(
      server,
      plan(
        {
          '@type': 'update',
          object: 'SystemSettings',
          value: { defaultHostname: 'mail.example.org' },
        },
        {
          '@type': 'update',
          object: 'NetworkListener',
          id: smtpId,
          value: { useTls: false },
        },
      ),
    );
    expect(result).toMatchObject({ updated: 2, failures: [] });
    expect(server.read('x:SystemSettings', 'singleton').defaultHostname).toBe(
      'mail.example.org',
    );
    expect(server.read('x:NetworkListener', smtpId).useTls).toBe(false);
  });

  it('updates the object an upsert\'s matchOn fields find and creates the one it does not (api-facts "Plan format": upsert with matchOn)', () => {
    const server = freshServer();
    const before = server.objects('x:NetworkListener').size;
    const result = applySettingsPlan(
      server,
      plan({
        '@type': 'upsert',
        object: 'NetworkListener',
        matchOn: ['name'],
        value: {
          smtp: { name: 'smtp', useTls: false },
          lmtp: { name: 'lmtp', protocol: 'lmtp', bind: { '[::]:24': true } },
        },
      }),
    );
    expect(result).toMatchObject({ created: 1, updated: 1, failures: [] });
    expect(server.objects('x:NetworkListener').size).toBe(before + 1);
    expect(listeners(server).find(l => l.name === 'smtp').useTls).toBe(false);
  });

  it('fails an upsert entry two live objects match, or one lacking a match field, and creates nothing for it (api-facts "Plan format": upsert match is unique)', () => {
    const server = freshServer();
    const before = server.objects('x:NetworkListener').size;
    const result = applySettingsPlan(
      server,
      plan(
        {
          '@type': 'upsert',
          object: 'NetworkListener',
          matchOn: ['protocol'],
          value: { any: { name: 'any', protocol: 'smtp' } },
        },
        {
          '@type': 'upsert',
          object: 'NetworkListener',
          matchOn: ['name'],
          value: { nameless: { protocol: 'lmtp' } },
        },
      ),
    );
    expect(result.failures).toEqual([
      {
        operation: 1,
        object: 'x:NetworkListener',
        error: expect.objectContaining({
          description: expect.stringContaining('ambiguous upsert'),
        }),
      },
      {
        operation: 2,
        object: 'x:NetworkListener',
        error: expect.objectContaining({
          description: 'match property name is missing from nameless',
        }),
      },
    ]);
    expect(server.objects('x:NetworkListener').size).toBe(before);
  });

  it('reports a line the server refuses, by its line number, and still applies the rest (api-facts "Reset": patch.rs refuses null for a boolean)', () => {
    const server = freshServer();
    const [smtpId] = [...server.objects('x:NetworkListener')].find(
      ([, l]) => l.name === 'smtp',
    )!;
    const result = applySettingsPlan(
      server,
      plan(
        {
          '@type': 'update',
          object: 'NetworkListener',
          id: smtpId,
          value: { tlsImplicit: null },
        },
        {
          '@type': 'update',
          object: 'SystemSettings',
          value: { defaultHostname: 'mail.example.org' },
        },
      ),
    );
    expect(result.updated).toBe(1);
    expect(result.failures).toEqual([
      {
        operation: 1,
        object: 'x:NetworkListener',
        error: expect.objectContaining({
          type: 'invalidPatch',
          properties: ['tlsImplicit'],
        }),
      },
    ]);
    expect(server.read('x:NetworkListener', smtpId).tlsImplicit).toBe(false);
  });
});
