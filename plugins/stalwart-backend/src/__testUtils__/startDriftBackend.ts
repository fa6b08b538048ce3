import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Scenario, SimulatorServer } from '@stalwart-backstage/simulator';
import {
  simulatorBackendConfig,
  startDemoFleet,
  type DemoFleet,
} from '@stalwart-backstage/test-harness';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { stalwartPlugin } from '../plugin';

/**
 * The settings plan git declares for the edge instance: the drift engine's fixture, written in
 * the `stalwart-cli apply` format to match the demo scenario's comments.
 */
export const EDGE_SETTINGS_PLAN = fs.readFileSync(
  path.join(
    path.dirname(
      require.resolve('@stalwart-backstage/plugin-stalwart-node/package.json'),
    ),
    'src/drift/__fixtures__/edge-settings-plan.ndjson',
  ),
  'utf8',
);

export interface DriftBackend {
  app: http.Server;
  simulator: SimulatorServer;
  /** What each permission answers; change it between requests. */
  decisions: Record<string, AuthorizeResult>;
  authorize: jest.Mock;
  auditor: ReturnType<typeof mockServices.auditor.mock>;
  /** The served instance folders: edit a file to change what git declares. */
  gitFiles: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The real plugin on a test backend, reading the demo scenario (or `fleet`) served over HTTPS by the
 * simulator with the scenario's tokens and CA, the demo entities registered from a Git host
 * (so `backstage.io/managed-by-location` points at each instance folder), and the permission
 * framework and auditor mocked.
 */
export async function startDriftBackend(
  options: {
    editScenario?: (scenario: Scenario) => void;
    stalwart?: Record<string, unknown>;
    /** More features on the same backend (e.g. the MCP actions plugin). */
    features?: BackendFeature[];
    /** Merged into the `backend` config section. */
    backendConfig?: Record<string, unknown>;
    /** Another fleet than the demo's (started already; stopped with the backend). */
    fleet?: DemoFleet;
    /** More catalog entities beside the demo's. */
    entities?: Entity[];
  } = {},
): Promise<DriftBackend> {
  const fleet =
    options.fleet ??
    (await startDemoFleet({
      gitFiles: { '/fleet/mail-edge/settings-plan.ndjson': EDGE_SETTINGS_PLAN },
      editScenario: options.editScenario,
    }));
  const { simulator, git, entities } = fleet;
  const decisions: Record<string, AuthorizeResult> = {};
  const authorize = jest.fn(async (requests: AuthorizePermissionRequest[]) =>
    requests.map(r => ({
      result: decisions[r.permission.name] ?? AuthorizeResult.ALLOW,
    })),
  );
  const auditor = mockServices.auditor.mock();
  const simulated = simulatorBackendConfig(simulator, {
    git,
    stalwart: options.stalwart,
  });
  const config = {
    ...simulated,
    backend: { ...simulated.backend, ...options.backendConfig },
  };

  const backend = await startTestBackend({
    features: [
      stalwartPlugin,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({
        entities: [...entities, ...(options.entities ?? [])],
      }),
      mockServices.permissions.mock({ authorize: authorize as any }).factory,
      auditor.factory,
      ...(options.features ?? []),
    ],
  });
  return {
    app: backend.server,
    simulator,
    decisions,
    authorize,
    auditor,
    gitFiles: git.files,
    async stop() {
      await backend.stop();
      await fleet.stop();
    },
  };
}
