import type { InstanceObjects } from '@stalwart-backstage/plugin-stalwart-node';
import type {
  CollectionSnapshot,
  KubernetesCacheService,
  ResourceKind,
} from '../KubernetesCacheService/types';
import type { InstanceLocation } from '../InstanceResolver/instanceFromEntity';
import {
  namespaceObjectsOf,
  selectInstanceObjects,
} from './selectInstanceObjects';

const NAMESPACE_KINDS: ResourceKind[] = [
  'StatefulSet',
  'Deployment',
  'Pod',
  'Service',
  'ConfigMap',
  'Certificate',
  'HelmRelease',
];
const FLUX_NAMESPACE_LABEL = 'helm.toolkit.fluxcd.io/namespace';

/**
 * One instance's objects in one cluster, from the watch cache: its namespace, the Argo CD
 * namespaces and, when helm-controller says it installed from elsewhere, that namespace's
 * HelmReleases. `snapshots` are the collections read, for freshness and readability.
 */
export async function readInstanceObjects(options: {
  cache: KubernetesCacheService;
  cluster: string;
  instance: InstanceLocation;
  argoCdNamespaces: string[];
}): Promise<{
  selected: InstanceObjects;
  snapshots: Array<[ResourceKind, CollectionSnapshot]>;
}> {
  const { cache, cluster, instance } = options;
  const inNamespace = await cache.read({
    cluster,
    namespace: instance.namespace,
    kinds: NAMESPACE_KINDS,
  });
  const applications = await Promise.all(
    options.argoCdNamespaces.map(namespace =>
      cache.read({ cluster, namespace, kinds: ['Application'] }),
    ),
  );
  const objects = namespaceObjectsOf(
    inNamespace,
    applications.flatMap(a => a.Application.items),
  );
  let selected = selectInstanceObjects({ objects, ...instance });
  const snapshots: Array<[ResourceKind, CollectionSnapshot]> = [
    ...(Object.entries(inNamespace) as Array<
      [ResourceKind, CollectionSnapshot]
    >),
    ...applications.map(
      a => ['Application', a.Application] as [ResourceKind, CollectionSnapshot],
    ),
  ];

  // helm-controller may install from another namespace (flux-system) and says which.
  const fluxNamespace =
    selected.workload?.metadata?.labels?.[FLUX_NAMESPACE_LABEL];
  if (
    !selected.helmRelease &&
    fluxNamespace &&
    fluxNamespace !== instance.namespace
  ) {
    const flux = await cache.read({
      cluster,
      namespace: fluxNamespace,
      kinds: ['HelmRelease'],
    });
    snapshots.push(['HelmRelease', flux.HelmRelease]);
    selected = selectInstanceObjects({
      objects: { ...objects, helmReleases: flux.HelmRelease.items },
      ...instance,
    });
  }
  return { selected, snapshots };
}
