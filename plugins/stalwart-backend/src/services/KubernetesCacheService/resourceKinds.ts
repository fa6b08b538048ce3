import type { ResourceKind } from './types';

interface KindLocation {
  group: string;
  version: string;
  plural: string;
}

/** Where each watched kind lives in the Kubernetes API. */
export const RESOURCE_KINDS: Record<ResourceKind, KindLocation> = {
  StatefulSet: { group: 'apps', version: 'v1', plural: 'statefulsets' },
  Deployment: { group: 'apps', version: 'v1', plural: 'deployments' },
  Pod: { group: '', version: 'v1', plural: 'pods' },
  Service: { group: '', version: 'v1', plural: 'services' },
  ConfigMap: { group: '', version: 'v1', plural: 'configmaps' },
  Certificate: {
    group: 'cert-manager.io',
    version: 'v1',
    plural: 'certificates',
  },
  HelmRelease: {
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    plural: 'helmreleases',
  },
  Application: {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'applications',
  },
};

/**
 * The collection path of a kind as list and watch requests use it: cluster-wide without a
 * namespace, otherwise that namespace's.
 */
export function collectionPath(kind: ResourceKind, namespace?: string): string {
  const { group, version, plural } = RESOURCE_KINDS[kind];
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return namespace === undefined
    ? `${prefix}/${plural}`
    : `${prefix}/namespaces/${encodeURIComponent(namespace)}/${plural}`;
}

/** The `apiVersion` and `kind` of a watched kind's objects. */
export function typeMetaOf(kind: ResourceKind): {
  apiVersion: string;
  kind: ResourceKind;
} {
  const { group, version } = RESOURCE_KINDS[kind];
  return { apiVersion: group ? `${group}/${version}` : version, kind };
}
