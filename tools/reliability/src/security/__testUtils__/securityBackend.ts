import type {
  BackstageCredentials,
  BackstageUserInfo,
} from '@backstage/backend-plugin-api';
import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyDecision } from '@backstage/plugin-permission-common';
import type { PolicyQuery } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import stalwartPlugin from '@stalwart-backstage/plugin-stalwart-backend';
import type { Scenario, SimulatorServer } from '@stalwart-backstage/simulator';
import {
  proposedInstanceEntity,
  seedDemoFleetRepository,
  simulatorBackendConfig,
  startDemoFleet,
} from '@stalwart-backstage/test-harness';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The suite only runs inside the monorepo.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = path.resolve(__dirname, '../../../../..');
const EDGE_PLAN = path.join(
  REPO_ROOT,
  'plugins/stalwart-node/src/drift/__fixtures__/edge-settings-plan.ndjson',
);

/** The plugin's routes for catalog components, and those of the demo's two instances. */
export const COMPONENT_ROUTE = '/api/stalwart/v1/entities/default/component';
export const HOMELAB = `${COMPONENT_ROUTE}/stalwart`;
export const EDGE = `${COMPONENT_ROUTE}/mail-edge`;
/** An instance the template proposed on a branch of the local fleet repository, not merged yet. */
export const PROPOSED = `${COMPONENT_ROUTE}/mail-proposed`;

/** The demo's users: the operator may reset, the reader only read, the stranger nothing. */
export const USERS = {
  operator: 'user:default/ana',
  reader: 'user:default/bo',
  stranger: 'user:default/eve',
} as const;

export const authHeader = (userEntityRef: string) =>
  mockCredentials.user.header(userEntityRef);

/** Who asked the permission policy what, as the permission backend saw the caller. */
export interface PolicyCall {
  user: string | null;
  permission: string;
}

/** One call the plugin made to the catalog, and as whom. */
export interface CatalogCall {
  method: string;
  principal: string;
  entityRefs: string[];
}

export interface SecurityBackend {
  baseUrl: string;
  simulator: SimulatorServer;
  /** The permissions each user holds; edit between requests. */
  grants: Record<string, Set<string>>;
  policyCalls: PolicyCall[];
  catalogCalls: CatalogCall[];
  auditor: ReturnType<typeof mockServices.auditor.mock>;
  /** Requests the Git host served (the v0.16 settings plans). */
  gitRequests: string[];
  /** The local fleet repository adoptions commit to, seeded with the demo's folders. */
  fleetRepository: string;
  request(
    userEntityRef: string | undefined,
    route: string,
    init?: RequestInit,
  ): Promise<Response>;
  stop(): Promise<void>;
}

function principalOf(credentials: BackstageCredentials | undefined): string {
  const principal = credentials?.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
    | { type: 'none' }
    | undefined;
  if (!principal) return 'no credentials';
  if (principal.type === 'user') return principal.userEntityRef;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return principal.type;
}

/** The in-memory catalog, recording who each call is made for. */
function recordingCatalog(entities: Entity[], calls: CatalogCall[]) {
  const catalog = catalogServiceMock({ entities });
  return new Proxy(catalog, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const options = args[args.length - 1] as
          | { credentials?: BackstageCredentials }
          | undefined;
        const [first] = args as [unknown];
        const entityRefs =
          typeof first === 'string'
            ? [first]
            : (first as { entityRefs?: string[] })?.entityRefs ?? [];
        calls.push({
          method: String(property),
          principal: principalOf(options?.credentials),
          entityRefs,
        });
        return value.apply(target, args);
      };
    },
  });
}

/**
 * A permission policy deciding per user from `grants`, installed in the real permission backend.
 * It sees the caller exactly as the permission backend resolved them from the token the plugin
 * forwarded: a request made on the plugin's own credentials shows up as `user: null`.
 */
function perUserPolicyModule(
  grants: Record<string, Set<string>>,
  calls: PolicyCall[],
) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'security-suite-policy',
    register(env) {
      env.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({
            async handle(
              request: PolicyQuery,
              user?: { info: BackstageUserInfo },
            ): Promise<PolicyDecision> {
              const userRef = user?.info.userEntityRef ?? null;
              calls.push({
                user: userRef,
                permission: request.permission.name,
              });
              const held = userRef ? grants[userRef] : undefined;
              return {
                result: held?.has(request.permission.name)
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
              };
            },
          });
        },
      });
    },
  });
}

/**
 * The real Stalwart plugin, the real permission backend with a per-user policy, the demo
 * scenario served over HTTPS by the simulator, the demo entities (or edited ones) in a catalog
 * that records each call's credentials, their v0.16 plan on a local Git host, a local fleet
 * repository seeded as the demo's, and a recording auditor.
 */
export async function startSecurityBackend(
  options: {
    entities?: (demo: Entity[], git: { url(file: string): string }) => Entity[];
    editScenario?: (scenario: Scenario) => void;
    stalwart?: Record<string, unknown>;
  } = {},
): Promise<SecurityBackend> {
  const fleet = await startDemoFleet({
    gitFiles: {
      '/fleet/mail-edge/settings-plan.ndjson': fs.readFileSync(
        EDGE_PLAN,
        'utf8',
      ),
    },
    editScenario: options.editScenario,
  });
  const { simulator, git } = fleet;
  const fleetRepository = fs.mkdtempSync(
    path.join(os.tmpdir(), 'security-fleet-'),
  );
  await seedDemoFleetRepository({ dir: fleetRepository });
  const proposed = await proposeInstance(fleetRepository, 'mail-proposed');
  const entities = [
    ...(options.entities?.(fleet.entities, git) ?? fleet.entities),
    proposed,
  ];

  const grants: Record<string, Set<string>> = {
    [USERS.operator]: new Set([
      'stalwart.instance.read',
      'stalwart.settings.read',
      'stalwart.settings.reset',
      'stalwart.gitops.reconcile',
      'stalwart.settings.adopt',
      'stalwart.proposal.merge',
    ]),
    [USERS.reader]: new Set([
      'stalwart.instance.read',
      'stalwart.settings.read',
    ]),
    [USERS.stranger]: new Set(),
  };
  const policyCalls: PolicyCall[] = [];
  const catalogCalls: CatalogCall[] = [];
  const auditor = mockServices.auditor.mock();

  const backend = await startTestBackend({
    features: [
      stalwartPlugin,
      permissionPlugin,
      perUserPolicyModule(grants, policyCalls),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          ...simulatorBackendConfig(simulator, {
            git,
            stalwart: {
              gitops: { localRepository: fleetRepository },
              ...options.stalwart,
            },
          }),
        },
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => recordingCatalog(entities, catalogCalls),
      }),
      auditor.factory,
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}`;
  return {
    baseUrl,
    simulator,
    grants,
    policyCalls,
    catalogCalls,
    auditor,
    gitRequests: git.requests,
    fleetRepository,
    request(userEntityRef, route, init = {}) {
      const headers = new Headers(init.headers);
      if (userEntityRef)
        headers.set('Authorization', authHeader(userEntityRef));
      return fetch(`${baseUrl}${route}`, { ...init, headers });
    },
    async stop() {
      await backend.stop();
      await fleet.stop();
      fs.rmSync(fleetRepository, { recursive: true, force: true });
    },
  };
}

/**
 * Commits an instance folder on its own branch as the template's publish step does, and
 * answers the entity the catalog registers from that branch.
 */
async function proposeInstance(dir: string, name: string): Promise<Entity> {
  const repo = await LocalFleetRepository.open({ dir, defaultBranch: 'main' });
  await repo.propose({
    branch: `stalwart/${name}`,
    folder: `instances/${name}`,
    files: [{ path: 'catalog-info.yaml', content: `# ${name}\n` }],
    update: false,
    message: `Propose ${name}`,
    author: { name: 'scaffolder', email: 'scaffolder@example.invalid' },
  });
  return proposedInstanceEntity({ repoDir: dir, name, owner: USERS.operator });
}
