import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import stalwartPlugin from '@stalwart-backstage/plugin-stalwart-backend';
import {
  simulatorBackendConfig,
  startDemoFleet,
  type DemoFleet,
} from '@stalwart-backstage/test-harness';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  stalwartGitOpsReconcilePermission,
  stalwartProposalMergePermission,
  stalwartSettingsAdoptPermission,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import permissionPolicyModule from '.';

const OWNER = 'user:default/ana';
const STRANGER = 'user:default/eve';
const TEAM = 'group:default/mail-team';
const INSTANCE = '/api/stalwart/v1/entities/default/component/stalwart';
const INSTANCE_REF = 'component:default/stalwart';

/** The demo instances, owned by the mail team (of which only ana is a member). */
function ownedByTeam(entities: Entity[]): Entity[] {
  return entities.map(entity => ({
    ...entity,
    spec: { ...entity.spec, owner: TEAM },
    relations: [{ type: 'ownedBy', targetRef: TEAM }],
  }));
}

// The decisions are taken by the real permission backend and applied by the real Stalwart
// backend. Routes are checked end to end where the decision is definitive; the conditional
// ones are applied through the Stalwart backend's apply-conditions endpoint, because
// backend-test-utils 1.11.7's mock auth drops the permission backend's on-behalf-of actor
// (its 1.57 release is not in this registry).
describe('the stalwart-owners permission policy, in the real permission backend', () => {
  let fleet: DemoFleet;
  let baseUrl: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    fleet = await startDemoFleet({ gitFiles: {} });
    const backend = await startTestBackend({
      features: [
        stalwartPlugin,
        permissionPlugin,
        permissionPolicyModule,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true, policy: 'stalwart-owners' },
            ...simulatorBackendConfig(fleet.simulator, { git: fleet.git }),
          },
        }),
        catalogServiceMock.factory({ entities: ownedByTeam(fleet.entities) }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const user = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: user,
              ownershipEntityRefs: user === OWNER ? [user, TEAM] : [user],
            };
          },
        }).factory,
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
    stop = async () => {
      await backend.stop();
      await fleet.stop();
    };
  }, 60_000);

  afterAll(() => stop?.());

  const call = (user: string, path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...init.headers,
        Authorization: user,
      },
    });

  /** The permission backend's decision for `user`, before any resource is looked at. */
  async function decide(user: string, permission: ResourcePermission) {
    // As a plugin asks: the user's token, with the plugin as its actor.
    const onBehalfOfUser = mockCredentials.user.token(user, {
      actor: { subject: 'plugin:stalwart' },
    });
    const response = await call(
      `Bearer ${onBehalfOfUser}`,
      '/api/permission/authorize',
      {
        method: 'POST',
        body: JSON.stringify({ items: [{ id: '1', permission }] }),
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()).items[0];
  }

  /** The Stalwart backend applying a conditional decision to the demo instance. */
  async function applyToInstance(decision: {
    resourceType: string;
    conditions: unknown;
  }) {
    const response = await call(
      mockCredentials.service.header(),
      '/api/stalwart/.well-known/backstage/permissions/apply-conditions',
      {
        method: 'POST',
        body: JSON.stringify({
          items: [
            {
              id: '1',
              resourceRef: INSTANCE_REF,
              resourceType: decision.resourceType,
              conditions: decision.conditions,
            },
          ],
        }),
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()).items[0].result;
  }

  it('allows everyone to read an instance status', async () => {
    const status = (user: string) =>
      call(mockCredentials.user.header(user), `${INSTANCE}/status`);
    expect((await status(STRANGER)).status).toBe(200);
    expect((await status(OWNER)).status).toBe(200);
  });

  it.each([
    ['read the live settings of', stalwartSettingsReadPermission],
    ['reset the live settings of', stalwartSettingsResetPermission],
    ['adopt the live settings of', stalwartSettingsAdoptPermission],
    ['reconcile the GitOps release of', stalwartGitOpsReconcilePermission],
    ['merge the proposal of', stalwartProposalMergePermission],
  ])(
    'lets only members of the owning group %s the instance',
    async (_action, permission) => {
      const forOwner = await decide(OWNER, permission);
      const forStranger = await decide(STRANGER, permission);
      expect(forOwner).toMatchObject({
        result: 'CONDITIONAL',
        pluginId: 'stalwart',
        conditions: {
          rule: 'IS_INSTANCE_OWNER',
          params: { claims: [OWNER, TEAM] },
        },
      });
      expect(await applyToInstance(forOwner)).toBe('ALLOW');
      expect(await applyToInstance(forStranger)).toBe('DENY');
    },
  );

  it('refuses a settings read by a user who does not own the instance', async () => {
    const response = await call(
      mockCredentials.user.header(STRANGER),
      `${INSTANCE}/drift`,
    );
    expect(response.status).toBe(403);
  });
});
