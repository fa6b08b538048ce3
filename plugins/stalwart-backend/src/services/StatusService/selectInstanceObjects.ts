import type { KubernetesObject } from '@kubernetes/client-node';
import {
  ApplicationObject,
  CertificateObject,
  ConfigMapObject,
  HelmReleaseObject,
  PodObject,
  ServiceObject,
  WorkloadObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import { ChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import {
  dnsNamesCover,
  findOwningApplication,
  findOwningHelmRelease,
  InstanceObjects,
} from '@stalwart-backstage/plugin-stalwart-node';

import type {
  CollectionSnapshot,
  ResourceKind,
} from '../KubernetesCacheService/types';

const INSTANCE_LABEL = 'app.kubernetes.io/instance';
const HELM_RELEASE_ANNOTATION = 'meta.helm.sh/release-name';

/** The objects of one namespace (and the GitOps namespaces) the cache holds, by kind. */
export interface NamespaceObjects {
  statefulSets: ReadonlyArray<KubernetesObject>;
  deployments: ReadonlyArray<KubernetesObject>;
  pods: ReadonlyArray<KubernetesObject>;
  services: ReadonlyArray<KubernetesObject>;
  configMaps: ReadonlyArray<KubernetesObject>;
  certificates: ReadonlyArray<KubernetesObject>;
  helmReleases: ReadonlyArray<KubernetesObject>;
  applications: ReadonlyArray<KubernetesObject>;
}

/** The collections of one cache read by kind; kinds not read are empty. */
export function namespaceObjectsOf(
  read: Partial<Record<ResourceKind, CollectionSnapshot>>,
  applications: ReadonlyArray<KubernetesObject> = read.Application?.items ?? [],
): NamespaceObjects {
  return {
    statefulSets: read.StatefulSet?.items ?? [],
    deployments: read.Deployment?.items ?? [],
    pods: read.Pod?.items ?? [],
    services: read.Service?.items ?? [],
    configMaps: read.ConfigMap?.items ?? [],
    certificates: read.Certificate?.items ?? [],
    helmReleases: read.HelmRelease?.items ?? [],
    applications,
  };
}

/**
 * Picks a release's objects out of everything in its namespace. Names from the chart flavor
 * come first; otherwise Helm's labels and the workload's own references decide, which also
 * works for hand-written manifests that follow the `app.kubernetes.io/instance` convention.
 */
export function selectInstanceObjects(options: {
  objects: NamespaceObjects;
  release: string;
  namespace: string;
  flavor?: ChartFlavor;
  hostname?: string;
}): InstanceObjects {
  const { objects, release, namespace, flavor, hostname } = options;
  const names = flavor?.objectNames(release, { replicas: 1 });
  const ofRelease = (o: {
    metadata?: {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
  }) =>
    o.metadata?.labels?.[INSTANCE_LABEL] === release ||
    o.metadata?.annotations?.[HELM_RELEASE_ANNOTATION] === release;

  const workloads = [
    ...objects.statefulSets,
    ...objects.deployments,
  ] as WorkloadObject[];
  const workload =
    workloads.find(w => w.metadata?.name === names?.workload) ??
    workloads.find(ofRelease) ??
    workloads.find(w => w.metadata?.name === release);

  const selector = workload?.spec?.selector?.matchLabels;
  const pods = selector
    ? (objects.pods as PodObject[]).filter(pod =>
        Object.entries(selector).every(
          ([key, value]) => pod.metadata?.labels?.[key] === value,
        ),
      )
    : [];

  const template = workload?.spec?.template?.spec;
  const mountedConfigMaps = new Set(
    (template?.volumes ?? []).flatMap(v =>
      v.configMap ? [v.configMap.name] : [],
    ),
  );
  const mountedSecrets = new Set(
    (template?.volumes ?? []).flatMap(v =>
      v.secret?.secretName ? [v.secret.secretName] : [],
    ),
  );

  const services = (objects.services as ServiceObject[]).filter(
    s => s.spec?.clusterIP !== 'None',
  );
  const releaseServices = services.filter(ofRelease);
  // Exposure is about how mail reaches the pods from outside: a release's LoadBalancer or
  // NodePort Service (kgrubb adds `<fullname>-mail` beside its ClusterIP one) comes first.
  const service =
    releaseServices.find(s => s.spec?.type === 'LoadBalancer') ??
    releaseServices.find(s => s.spec?.type === 'NodePort') ??
    services.find(s => s.metadata?.name === names?.mailService) ??
    releaseServices[0] ??
    (workload ? services.find(s => s.metadata?.name === release) : undefined);

  const configMaps = objects.configMaps as ConfigMapObject[];
  const holdsConfig = (c: ConfigMapObject) =>
    Object.keys(c.data ?? {}).some(
      k => k.endsWith('.toml') || k.endsWith('.json'),
    );
  const configMap =
    (names?.config.kind === 'ConfigMap'
      ? configMaps.find(c => c.metadata?.name === names.config.name)
      : undefined) ??
    configMaps.find(
      c => mountedConfigMaps.has(c.metadata?.name ?? '') && holdsConfig(c),
    );

  const certificates = objects.certificates as CertificateObject[];
  const certificate =
    certificates.find(c => mountedSecrets.has(c.spec?.secretName ?? '')) ??
    certificates.find(c => c.metadata?.name === names?.certificate.name) ??
    certificates.find(ofRelease) ??
    (hostname
      ? certificates.find(c => dnsNamesCover(c.spec?.dnsNames ?? [], hostname))
      : undefined);

  const ref = { release, namespace, workload };
  return {
    workload,
    pods,
    service,
    configMap,
    certificate,
    helmRelease: findOwningHelmRelease(
      objects.helmReleases as HelmReleaseObject[],
      ref,
    ),
    application: findOwningApplication(
      objects.applications as ApplicationObject[],
      ref,
    ),
  };
}
