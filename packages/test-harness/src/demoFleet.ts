import type { Entity } from '@backstage/catalog-model';
import {
  clusterLocatorEntries,
  type SimulatorServer,
} from '@stalwart-backstage/simulator';
import fs from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { GitHost } from './startGitHost';

// Test tooling only ever runs from the monorepo's sources, never from a production build.
const DEMO_ENTITIES = resolve(
  // eslint-disable-next-line no-restricted-syntax
  __dirname,
  '../../../examples/stalwart-demo.yaml',
);

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
