import type { Entity } from '@backstage/catalog-model';
import {
  clusterLocatorEntries,
  loadScenario,
  startSimulatorServer,
  type Scenario,
  type SimulatorServer,
} from '@stalwart-backstage/simulator';
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { DEMO_ENTITIES, DEMO_SCENARIO } from './demoPaths';
import { startGitHost, type GitHost } from './startGitHost';

/** The demo's Stalwart instances, exactly as examples/stalwart-demo.yaml declares them. */
export function demoEntities(): Entity[] {
  return parseAllDocuments(fs.readFileSync(DEMO_ENTITIES, 'utf8'))
    .map(document => document.toJS() as Entity)
    .filter(entity => entity?.kind === 'Component');
}

/**
 * The entities as the catalog holds them once registered from `git`'s fleet folders: each
 * `backstage.io/managed-by-location` points at `/fleet/<name>/catalog-info.yaml` there, which
 * is where the plugin looks for the instance's declared files.
 */
export function registeredFromGit(
  entities: Entity[],
  git: Pick<GitHost, 'url'>,
): Entity[] {
  return entities.map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': `url:${git.url(
          `/fleet/${entity.metadata.name}/catalog-info.yaml`,
        )}`,
      },
    },
  }));
}

/**
 * The app-config of a test backend that reads `simulator`'s clusters exactly as real ones (and,
 * given `git`, that host's files), with the plugin failing fast (2 s timeouts, one retry; change
 * any of it in `connection`) and reading the scenarios' credentials Secret; `stalwart` adds to or
 * replaces the plugin's other sections.
 */
export function simulatorBackendConfig(
  simulator: Pick<SimulatorServer, 'clusters' | 'certificate'>,
  options: {
    git?: Pick<GitHost, 'host'>;
    connection?: Record<string, unknown>;
    stalwart?: Record<string, unknown>;
  } = {},
) {
  return {
    ...(options.git
      ? { backend: { reading: { allow: [{ host: options.git.host }] } } }
      : {}),
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
        ...options.connection,
      },
      credentials: { default: { secretName: 'backstage-stalwart-api-key' } },
      ...options.stalwart,
    },
  };
}

/** The demo fleet's two sources: its clusters and its GitOps folders. */
export type DemoFleet = {
  simulator: SimulatorServer;
  git: GitHost;
  /** The demo entities as registered from `git` (`registeredFromGit`). */
  entities: Entity[];
  stop(): Promise<void>;
};

/**
 * The demo scenario (edited first, when asked) served over HTTPS by the simulator, `gitFiles`
 * served as the fleet's folders by a Git host, and the demo entities registered from there.
 */
export async function startDemoFleet(options: {
  gitFiles: Record<string, string>;
  editScenario?: (scenario: Scenario) => void;
}): Promise<DemoFleet> {
  const scenario = loadScenario(DEMO_SCENARIO);
  options.editScenario?.(scenario);
  const simulator = await startSimulatorServer({ scenario, tls: true });
  const git = await startGitHost(options.gitFiles);
  return {
    simulator,
    git,
    entities: registeredFromGit(demoEntities(), git),
    async stop() {
      await git.close();
      await simulator.close();
    },
  };
}
