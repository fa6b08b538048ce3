import { ConflictError, InputError } from '@backstage/errors';
import type { GitOpsObjectRefV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { KubernetesCacheService } from '../KubernetesCacheService/types';
import type { InstanceLocation } from '../InstanceResolver/instanceFromEntity';
import { readInstanceObjects } from '../StatusService/readInstanceObjects';

export interface LocatedOwner {
  cluster: string;
  owner: GitOpsObjectRefV1;
}

/**
 * Finds the Flux HelmRelease or Argo CD Application that installs an instance, in the watch
 * cache, the same way the status does. One cluster must hold it: several need `cluster`.
 */
export async function locateGitOpsOwner(options: {
  cache: KubernetesCacheService;
  entityRef: string;
  instance: InstanceLocation;
  /** The clusters located now. */
  configuredClusters: () => string[];
  argoCdNamespaces: string[];
  cluster?: string;
}): Promise<LocatedOwner> {
  const { instance, entityRef } = options;
  const candidates = instance.clusters ?? options.configuredClusters();
  if (options.cluster && !candidates.includes(options.cluster))
    throw new InputError(
      `Invalid body: cluster "${
        options.cluster
      }" is not one of ${entityRef}'s clusters (${candidates.join(', ')})`,
    );
  const located = options.configuredClusters();
  const clusters = (options.cluster ? [options.cluster] : candidates).filter(
    c => located.includes(c),
  );
  const found: LocatedOwner[] = [];
  for (const cluster of clusters) {
    const { selected } = await readInstanceObjects({
      cache: options.cache,
      cluster,
      instance,
      argoCdNamespaces: options.argoCdNamespaces,
    });
    const object = selected.helmRelease ?? selected.application;
    if (object)
      found.push({
        cluster,
        owner: {
          apiVersion: object.apiVersion ?? '',
          kind: object.kind ?? '',
          namespace: object.metadata?.namespace ?? '',
          name: object.metadata?.name ?? '',
        },
      });
  }
  if (found.length === 0)
    throw new ConflictError(
      `${entityRef} has no GitOps owner: no Flux HelmRelease or Argo CD Application installs release ${
        instance.release
      } in namespace ${instance.namespace} (clusters searched: ${
        clusters.join(', ') || 'none'
      })`,
    );
  if (found.length > 1)
    throw new InputError(
      `Invalid body: ${entityRef} is deployed by GitOps in clusters ${found
        .map(f => f.cluster)
        .join(', ')}; name one in "cluster"`,
    );
  return found[0];
}
