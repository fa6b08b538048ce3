import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  STALWART_ANNOTATIONS,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import { createEntityAccessService } from '../EntityAccess/createEntityAccessService';
import { createInstanceResolver } from './createInstanceResolver';

const ANA = 'user:default/ana';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  };
}

const MAIL = component('mail', {
  [STALWART_ANNOTATIONS.release]: 'mail',
  [STALWART_ANNOTATIONS.namespace]: 'mail',
  [STALWART_ANNOTATIONS.clusters]: 'homelab, edge',
  [STALWART_ANNOTATIONS.chart]: 'kgrubb',
});
const WEBSITE = component('website', {});

function setUp(allowed: string[]) {
  const asked: string[] = [];
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      (requests as AuthorizePermissionRequest[]).map(r => {
        asked.push(r.resourceRef!);
        return {
          result: allowed.includes(r.resourceRef!)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        };
      }),
  });
  const catalog = catalogServiceMock({ entities: [MAIL, WEBSITE] });
  const entityAccess = createEntityAccessService({
    permissions,
    catalog,
    ttlMs: 60_000,
    maxEntries: 10,
  });
  const resolver = createInstanceResolver({
    entityAccess,
    permissions,
    catalog,
  });
  const resolve = (entityRef: string, fresh?: boolean) =>
    resolver.resolve({
      entityRef,
      credentials: mockCredentials.user(ANA),
      permission: stalwartSettingsResetPermission,
      deniedMessage: `You may not reset the settings of ${entityRef}`,
      fresh,
    });
  return { resolve, asked };
}

describe('createInstanceResolver', () => {
  it('answers the entity and where its release runs, read from its annotations', async () => {
    const { resolve } = setUp(['component:default/mail']);
    const instance = await resolve('component:default/mail');
    expect(instance.entity.metadata.name).toBe('mail');
    expect(instance.location).toMatchObject({
      release: 'mail',
      namespace: 'mail',
      clusters: ['homelab', 'edge'],
      chart: 'kgrubb',
    });
    expect(instance.location.flavor?.id).toBe('kgrubb');
  });

  it('refuses with the given message when the policy denies the caller', async () => {
    const { resolve } = setUp([]);
    await expect(resolve('component:default/mail', true)).rejects.toMatchObject(
      {
        name: 'NotAllowedError',
        message: 'You may not reset the settings of component:default/mail',
      },
    );
  });

  it('says which entity is missing, and which one is no Stalwart instance', async () => {
    const { resolve } = setUp([
      'component:default/gone',
      'component:default/website',
    ]);
    await expect(resolve('component:default/gone')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No catalog entity component:default/gone',
    });
    await expect(resolve('component:default/website')).rejects.toThrow(
      /component:default\/website is not a Stalwart instance: it has no stalwart\.io\/release annotation/,
    );
  });

  it('asks the policy again for every fresh resolve, but only once for cached reads', async () => {
    const { resolve, asked } = setUp(['component:default/mail']);
    await resolve('component:default/mail');
    await resolve('component:default/mail');
    expect(asked).toHaveLength(1);
    await resolve('component:default/mail', true);
    await resolve('component:default/mail', true);
    expect(asked).toHaveLength(3);
  });
});
