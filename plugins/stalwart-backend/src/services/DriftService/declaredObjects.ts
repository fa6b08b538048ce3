import type {
  ConfigMapObject,
  WorkloadObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { WorkloadRef } from '@stalwart-backstage/plugin-stalwart-node';
import type { KubernetesCacheService } from '../KubernetesCacheService/types';
import type { InstanceLocation } from '../InstanceResolver/instanceFromEntity';
import {
  namespaceObjectsOf,
  selectInstanceObjects,
} from '../StatusService/selectInstanceObjects';

/** What the cluster says git declares: the rendered config object and the workload's template. */
export interface DeclaredObjects {
  workload?: WorkloadRef;
  replicas: number;
  /** The workload template's config checksum: what pods started on the current config carry. */
  currentConfigChecksum?: string;
  /** The config file as the chart rendered it into the ConfigMap (config.toml or config.json). */
  configText?: string;
  /** Why `configText` is missing. */
  configProblem?: string;
  /** The chart keeps the config in a Secret, which is not read by design, not for a failure. */
  configInSecret?: boolean;
}

/**
 * Reads the declared side from the shared watch cache: the ConfigMap the chart renders from the
 * values in git (named by the chart descriptor, else the one the workload mounts) and the
 * workload whose template annotation says which config is current.
 */
export async function readDeclaredObjects(options: {
  cache: KubernetesCacheService;
  cluster: string;
  instance: InstanceLocation;
  /** The file the engine compares: `config.toml` (v0.15) or `config.json` (v0.16). */
  fileSuffix: '.toml' | '.json';
}): Promise<DeclaredObjects> {
  const { cache, cluster, instance, fileSuffix } = options;
  const read = await cache.read({
    cluster,
    namespace: instance.namespace,
    kinds: ['StatefulSet', 'Deployment', 'Pod', 'ConfigMap'],
  });
  const selected = selectInstanceObjects({
    objects: namespaceObjectsOf(read),
    release: instance.release,
    namespace: instance.namespace,
    flavor: instance.flavor,
  });
  const workload = selected.workload as WorkloadObject | undefined;
  const replicas = workload?.spec?.replicas ?? 1;
  const annotation = instance.flavor
    ? instance.flavor.configChecksumAnnotation
    : 'checksum/config';
  const names = instance.flavor?.objectNames(instance.release, { replicas });
  const declared: DeclaredObjects = {
    replicas,
    ...(workload?.metadata?.name
      ? {
          workload: {
            kind: workload.kind === 'Deployment' ? 'Deployment' : 'StatefulSet',
            namespace: instance.namespace,
            name: workload.metadata.name,
          },
        }
      : {}),
    currentConfigChecksum: annotation
      ? workload?.spec?.template?.metadata?.annotations?.[annotation]
      : undefined,
  };
  // The watch reports built-in kinds without `kind`; the list it came from says which.
  if (
    declared.workload &&
    (read.Deployment.items as unknown[]).includes(workload)
  )
    declared.workload.kind = 'Deployment';

  if (names?.config.kind === 'Secret') {
    declared.configProblem = `The chart keeps ${names.config.key} in Secret ${names.config.name}, which the backend does not read (it may hold credentials), so it is not compared`;
    declared.configInSecret = true;
    return declared;
  }
  const configMap = selected.configMap as ConfigMapObject | undefined;
  if (read.ConfigMap.state === 'unavailable' || !configMap) {
    declared.configProblem =
      read.ConfigMap.state === 'unavailable'
        ? `The ConfigMaps of namespace ${
            instance.namespace
          } could not be listed: ${
            read.ConfigMap.error?.message ?? 'not yet synced'
          }`
        : `No ConfigMap of release ${
            instance.release
          } holds the ${fileSuffix} config${
            names ? ` (the chart names it ${names.config.name})` : ''
          }`;
    return declared;
  }
  const key =
    names && names.config.key.endsWith(fileSuffix)
      ? names.config.key
      : Object.keys(configMap.data ?? {}).find(k => k.endsWith(fileSuffix));
  const text = key ? configMap.data?.[key] : undefined;
  if (text === undefined)
    declared.configProblem = `ConfigMap ${configMap.metadata?.name} has no ${
      key ?? `*${fileSuffix}`
    } key`;
  else declared.configText = text;
  return declared;
}
