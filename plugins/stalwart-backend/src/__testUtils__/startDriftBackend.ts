import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clusterLocatorEntries,
  loadScenario,
  Scenario,
  SimulatorServer,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { stalwartPlugin } from '../plugin';
import { DEMO_SCENARIO } from './startConnectionFixture';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** The demo's catalog entities, exactly as examples/stalwart-demo.yaml declares them. */
export function demoEntities(): Entity[] {
  const text = fs.readFileSync(
    path.join(REPO_ROOT, 'examples/stalwart-demo.yaml'),
    'utf8',
  );
  return parseAllDocuments(text)
    .map(d => d.toJS() as Entity)
    .filter(e => e?.kind === 'Component');
}

/**
 * The settings plan git declares for the edge instance: the drift engine's fixture, written in
 * the `stalwart-cli apply` format to match the demo scenario's comments.
 */
export const EDGE_SETTINGS_PLAN = fs.readFileSync(
  path.join(
    path.dirname(
      require.resolve(
        '@stalwart-backstage/plugin-stalwart-common/package.json',
      ),
    ),
    'src/drift/__fixtures__/edge-settings-plan.ndjson',
  ),
  'utf8',
);

/** A minimal Git host: each instance folder's files, served by path. */
async function startGitHost(files: Record<string, string>) {
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    res.writeHead(file === undefined ? 404 : 200, {
      'Content-Type': 'text/plain',
    });
    res.end(file ?? 'not found');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: (file: string) => `http://127.0.0.1:${port}${file}`,
    files,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

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
 * The real plugin on a test backend, reading the demo scenario served over HTTPS by the
 * simulator with the scenario's tokens and CA, the demo entities registered from a Git host
 * (so `backstage.io/managed-by-location` points at each instance folder), and the permission
 * framework and auditor mocked.
 */
export async function startDriftBackend(
  options: {
    editScenario?: (scenario: Scenario) => void;
    stalwart?: Record<string, unknown>;
  } = {},
): Promise<DriftBackend> {
  const scenario = loadScenario(DEMO_SCENARIO);
  options.editScenario?.(scenario);
  const simulator = await startSimulatorServer({ scenario, tls: true });
  const git = await startGitHost({
    '/fleet/mail-edge/settings-plan.ndjson': EDGE_SETTINGS_PLAN,
  });
  const entities = demoEntities().map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        // What the catalog sets for an entity registered from this URL.
        'backstage.io/managed-by-location': `url:${git.url(
          `/fleet/${entity.metadata.name}/catalog-info.yaml`,
        )}`,
      },
    },
  }));
  const decisions: Record<string, AuthorizeResult> = {};
  const authorize = jest.fn(async (requests: AuthorizePermissionRequest[]) =>
    requests.map(r => ({
      result: decisions[r.permission.name] ?? AuthorizeResult.ALLOW,
    })),
  );
  const auditor = mockServices.auditor.mock();

  const backend = await startTestBackend({
    features: [
      stalwartPlugin,
      mockServices.rootConfig.factory({
        data: {
          backend: { reading: { allow: [{ host: git.host }] } },
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: clusterLocatorEntries(
                  simulator.clusters,
                  simulator.certificate,
                ),
              },
            ],
          },
          stalwart: {
            connection: {
              requestTimeout: { seconds: 2 },
              maxRetries: 1,
              maxRetryAfter: { seconds: 2 },
            },
            credentials: {
              default: { secretName: 'backstage-stalwart-api-key' },
            },
            ...options.stalwart,
          },
        },
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.mock({ authorize: authorize as any }).factory,
      auditor.factory,
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
      await git.close();
      await simulator.close();
    },
  };
}
