import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';
import { stalwartInstanceReadPermission } from '@stalwart-backstage/plugin-stalwart-common';
import { createEntityAccessService } from './createEntityAccessService';

const ANA = 'user:default/ana';
const BOB = 'user:default/bob';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: {},
  };
}

/**
 * A permission policy that allows `allowed[user]` entity refs, and a catalog that shows every
 * entity to anyone; both record who asked.
 */
function setUp(options: {
  allowed: Record<string, string[]>;
  ttlMs?: number;
  maxEntries?: number;
  entities?: Entity[];
}) {
  let clock = 0;
  const userOf = (credentials: BackstageCredentials) =>
    (credentials.principal as { userEntityRef?: string }).userEntityRef ??
    'service';
  const authorizeCalls: Array<{ asked: string[]; caller: string }> = [];
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) => {
      const asked = (requests as AuthorizePermissionRequest[]).map(
        r => r.resourceRef!,
      );
      authorizeCalls.push({ asked, caller: userOf(credentials) });
      return asked.map(ref => ({
        result: options.allowed[userOf(credentials)]?.includes(ref)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
  });
  const catalog = catalogServiceMock({
    entities: options.entities ?? [component('mail'), component('relay')],
  });
  const catalogCallers: string[] = [];
  const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
  jest
    .spyOn(catalog, 'getEntitiesByRefs')
    .mockImplementation(async (request, opts) => {
      catalogCallers.push(
        userOf((opts as { credentials: BackstageCredentials }).credentials),
      );
      return getEntitiesByRefs(request, opts);
    });
  const access = createEntityAccessService({
    permissions,
    catalog,
    ttlMs: options.ttlMs ?? 10_000,
    maxEntries: options.maxEntries ?? 100,
    now: () => clock,
  });
  const read = (credentials: BackstageCredentials, name: string) =>
    access.read({
      credentials,
      permission: stalwartInstanceReadPermission,
      entityRef: `component:default/${name}`,
    });
  return {
    read,
    authorizeCalls,
    catalogCallers,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('createEntityAccessService', () => {
  it('answers with the entity when the caller may read it and refuses otherwise', async () => {
    const { read } = setUp({ allowed: { [ANA]: ['component:default/mail'] } });

    const allowed = await read(mockCredentials.user(ANA), 'mail');
    expect(allowed.allowed).toBe(true);
    expect(allowed.allowed && allowed.entity?.metadata.name).toBe('mail');
    expect(await read(mockCredentials.user(ANA), 'relay')).toEqual({
      allowed: false,
    });
  });

  it('reuses a user’s answer within the time to live, then asks again', async () => {
    const { read, authorizeCalls, catalogCallers, advance } = setUp({
      allowed: { [ANA]: ['component:default/mail'] },
      ttlMs: 1_000,
    });

    await read(mockCredentials.user(ANA), 'mail');
    advance(999);
    await read(mockCredentials.user(ANA), 'mail');
    expect(authorizeCalls).toHaveLength(1);
    expect(catalogCallers).toHaveLength(1);

    advance(1);
    await read(mockCredentials.user(ANA), 'mail');
    expect(authorizeCalls).toHaveLength(2);
    expect(catalogCallers).toHaveLength(2);
  });

  it('never serves one user’s cached allow to another user', async () => {
    const { read, authorizeCalls, catalogCallers } = setUp({
      allowed: { [ANA]: ['component:default/mail'] },
    });

    expect((await read(mockCredentials.user(ANA), 'mail')).allowed).toBe(true);
    expect(await read(mockCredentials.user(BOB), 'mail')).toEqual({
      allowed: false,
    });
    expect(authorizeCalls.map(c => c.caller)).toEqual([ANA, BOB]);
    // Bob was refused before the catalog was asked anything on his behalf.
    expect(catalogCallers).toEqual([ANA]);
  });

  it('asks once per user for lookups made at the same time, each as that user', async () => {
    const { read, authorizeCalls, catalogCallers } = setUp({
      allowed: {
        [ANA]: ['component:default/mail', 'component:default/relay'],
        [BOB]: ['component:default/relay'],
      },
    });

    const answers = await Promise.all([
      read(mockCredentials.user(ANA), 'mail'),
      read(mockCredentials.user(BOB), 'mail'),
      read(mockCredentials.user(ANA), 'relay'),
      read(mockCredentials.user(BOB), 'relay'),
    ]);

    expect(answers.map(a => a.allowed)).toEqual([true, false, true, true]);
    expect(authorizeCalls).toEqual([
      {
        caller: ANA,
        asked: ['component:default/mail', 'component:default/relay'],
      },
      {
        caller: BOB,
        asked: ['component:default/mail', 'component:default/relay'],
      },
    ]);
    expect(catalogCallers).toEqual([ANA, BOB]);
  });

  it('asks once for the same entity requested twice at the same time', async () => {
    const { read, authorizeCalls } = setUp({
      allowed: { [ANA]: ['component:default/mail'] },
    });

    await Promise.all([
      read(mockCredentials.user(ANA), 'mail'),
      read(mockCredentials.user(ANA), 'mail'),
    ]);

    expect(authorizeCalls).toEqual([
      { caller: ANA, asked: ['component:default/mail'] },
    ]);
  });

  it('keeps no more answers than its size, dropping the least recently used', async () => {
    const { read, authorizeCalls } = setUp({
      allowed: { [ANA]: ['component:default/mail', 'component:default/relay'] },
      maxEntries: 1,
    });

    await read(mockCredentials.user(ANA), 'mail');
    await read(mockCredentials.user(ANA), 'relay');
    await read(mockCredentials.user(ANA), 'mail');

    expect(authorizeCalls).toHaveLength(3);
  });

  it('asks again for an entity the catalog did not show, rather than remember its absence', async () => {
    const { read, catalogCallers } = setUp({
      allowed: { [ANA]: ['component:default/later'] },
    });

    expect(await read(mockCredentials.user(ANA), 'later')).toEqual({
      allowed: true,
      entity: undefined,
    });
    await read(mockCredentials.user(ANA), 'later');
    expect(catalogCallers).toEqual([ANA, ANA]);
  });

  it('never caches nor batches the answers given to a service', async () => {
    const { read, authorizeCalls } = setUp({
      allowed: { service: ['component:default/mail'] },
    });

    await Promise.all([
      read(mockCredentials.service('plugin:catalog'), 'mail'),
      read(mockCredentials.service('plugin:scaffolder'), 'mail'),
    ]);
    await read(mockCredentials.service('plugin:catalog'), 'mail');

    expect(authorizeCalls).toHaveLength(3);
  });

  it('asks every time when the time to live is zero', async () => {
    const { read, authorizeCalls } = setUp({
      allowed: { [ANA]: ['component:default/mail'] },
      ttlMs: 0,
    });

    await read(mockCredentials.user(ANA), 'mail');
    await read(mockCredentials.user(ANA), 'mail');

    expect(authorizeCalls).toHaveLength(2);
  });

  it('does not keep a failed lookup', async () => {
    const failing = createEntityAccessService({
      permissions: mockServices.permissions.mock({
        authorize: jest
          .fn()
          .mockRejectedValueOnce(new Error('permission backend down'))
          .mockResolvedValue([{ result: AuthorizeResult.DENY }]),
      }),
      catalog: catalogServiceMock({ entities: [] }),
      ttlMs: 10_000,
      maxEntries: 10,
    });
    const ask = () =>
      failing.read({
        credentials: mockCredentials.user(ANA),
        permission: stalwartInstanceReadPermission,
        entityRef: 'component:default/mail',
      });

    await expect(ask()).rejects.toThrow('permission backend down');
    await expect(ask()).resolves.toEqual({ allowed: false });
  });
});
