import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  RegistrySchemaV016,
  toDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { KubernetesCacheService } from '../KubernetesCacheService/types';
import type { StalwartConnectionService } from '../StalwartConnection/types';
import { chooseDriftEngine } from './chooseDriftEngine';
import { readDeclaredObjects } from './declaredObjects';
import type { DriftService } from './types';
import { readDriftV015 } from './v015/readDriftV015';
import { readDriftV016 } from './v016/readDriftV016';
import { SettingsPlanReader } from './v016/SettingsPlanReader';

export function createDriftService(options: {
  connections: StalwartConnectionService;
  cache: KubernetesCacheService;
  urlReader: UrlReaderService;
  /** `stalwart.drift.planDirectories`, resolved. */
  planDirectories?: string[];
  /** Set when `stalwart.drift.planSource` is `localRepository`: plans are read from there. */
  localRepository?: {
    repository: () => Promise<LocalFleetRepository>;
    defaultBranch: string;
  };
  now?: () => Date;
}): DriftService {
  const { connections, cache, now = () => new Date() } = options;
  const plans = new SettingsPlanReader(
    options.urlReader,
    options.planDirectories,
    options.localRepository,
  );
  const schemas = new Map<string, RegistrySchemaV016>();

  return {
    async read({ instance: resolved, cluster }) {
      const { entityRef, entity, location: instance } = resolved;
      if (cluster && instance.clusters && !instance.clusters.includes(cluster))
        throw new NotFoundError(
          `${entityRef} does not run in cluster ${cluster} (its clusters: ${instance.clusters.join(
            ', ',
          )})`,
        );

      const connection = await connections.connect({ instance: resolved });
      const chosen = cluster
        ? connection.clusters.find(c => c.cluster === cluster)
        : connection.clusters.find(c => c.pods.length > 0) ??
          connection.clusters[0];
      if (!chosen)
        throw new NotFoundError(`${entityRef} runs in no configured cluster`);
      if (chosen.pods.length === 0) {
        // Nothing live to compare: an empty report would read as "in sync".
        throw (
          chosen.error ??
          new ServiceUnavailableError(
            `Release ${instance.release} has no pods in namespace ${instance.namespace} of cluster ${chosen.cluster}, so its live settings cannot be read`,
          )
        );
      }

      const engine = chooseDriftEngine(
        chosen.pods,
        instance.flavor?.generation,
      );
      const connected = chosen.pods.find(p => p.engine === engine);
      if (!engine) {
        const failed = chosen.pods[0];
        throw 'error' in failed
          ? failed.error
          : new ServiceUnavailableError('No pod answered');
      }

      const declared = await readDeclaredObjects({
        cache,
        cluster: chosen.cluster,
        instance,
        fileSuffix: engine === 'v0.15' ? '.toml' : '.json',
      });
      const report =
        engine === 'v0.15'
          ? await readDriftV015({ instance, declared, pods: chosen.pods })
          : await readDriftV016({
              entity,
              declared,
              pods: chosen.pods,
              plans,
              schemas,
            });
      return {
        entityRef,
        entity,
        cluster: chosen.cluster,
        instance: {
          release: instance.release,
          namespace: instance.namespace,
          ...(instance.chart ? { chart: instance.chart } : {}),
          ...(connected?.pod.imageVersion
            ? { version: connected.pod.imageVersion }
            : {}),
        },
        report,
        workload: declared.workload,
        pods: chosen.pods,
        fetchedAt: now(),
      };
    },

    toResponse(reading, responseOptions) {
      return toDriftResponseV1(reading.report, {
        entityRef: reading.entityRef,
        cluster: reading.cluster,
        instance: reading.instance,
        fetchedAt: reading.fetchedAt,
        includeHidden: responseOptions?.includeHidden,
      });
    },
  };
}
