/**
 * A kind the simulated apiserver serves, as discovery describes it.
 *
 * @public
 */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Subresources beside the main resource, e.g. `status`, `proxy`. */
  subresources?: string[];
  /** Built into the apiserver rather than defined by a CustomResourceDefinition. */
  builtin: boolean;
  /** The CRD version's `openAPIV3Schema`, when the kind comes from a CRD. */
  schema?: Record<string, any>;
}

const READ_WRITE = [
  'create',
  'delete',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
export const RESOURCE_VERBS = READ_WRITE;

const core = (
  kind: string,
  plural: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType => ({
  group: '',
  version: 'v1',
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  builtin: true,
  ...extra,
});

const typed = (
  group: string,
  version: string,
  kind: string,
  plural: string,
  extra: Partial<ResourceType> = {},
): ResourceType => ({
  group,
  version,
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced: true,
  builtin: false,
  ...extra,
});

/** Kinds every simulated cluster serves. */
export const BUILTIN_RESOURCE_TYPES: ResourceType[] = [
  core('Namespace', 'namespaces', false, {
    shortNames: ['ns'],
    subresources: ['status'],
  }),
  core('Pod', 'pods', true, {
    shortNames: ['po'],
    categories: ['all'],
    subresources: ['status', 'proxy', 'log'],
  }),
  core('Service', 'services', true, {
    shortNames: ['svc'],
    categories: ['all'],
    subresources: ['status', 'proxy'],
  }),
  core('ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  core('Secret', 'secrets', true),
  core('PersistentVolumeClaim', 'persistentvolumeclaims', true, {
    shortNames: ['pvc'],
    subresources: ['status'],
  }),
  core('Event', 'events', true, { shortNames: ['ev'] }),
  core('Endpoints', 'endpoints', true, { shortNames: ['ep'] }),
  core('ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
  // Charts grant their own pods access (the olsontech chart's FoundationDB issuer token).
  {
    ...core('Role', 'roles', true),
    group: 'rbac.authorization.k8s.io',
  },
  {
    ...core('RoleBinding', 'rolebindings', true),
    group: 'rbac.authorization.k8s.io',
  },
  {
    ...core('StatefulSet', 'statefulsets', true),
    group: 'apps',
    shortNames: ['sts'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  {
    ...core('Deployment', 'deployments', true),
    group: 'apps',
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  {
    ...core('ControllerRevision', 'controllerrevisions', true),
    group: 'apps',
  },
  // The rest of the workload kinds the core Kubernetes plugin lists for every entity: a
  // real apiserver answers them with (possibly empty) lists, never 404.
  core('LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
  core('ResourceQuota', 'resourcequotas', true, {
    shortNames: ['quota'],
    subresources: ['status'],
  }),
  {
    ...core('ReplicaSet', 'replicasets', true),
    group: 'apps',
    shortNames: ['rs'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  },
  {
    ...core('DaemonSet', 'daemonsets', true),
    group: 'apps',
    shortNames: ['ds'],
    categories: ['all'],
    subresources: ['status'],
  },
  {
    ...core('HorizontalPodAutoscaler', 'horizontalpodautoscalers', true),
    group: 'autoscaling',
    version: 'v2',
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: ['status'],
  },
  {
    ...core('Job', 'jobs', true),
    group: 'batch',
    categories: ['all'],
    subresources: ['status'],
  },
  {
    ...core('CronJob', 'cronjobs', true),
    group: 'batch',
    shortNames: ['cj'],
    categories: ['all'],
    subresources: ['status'],
  },
  {
    ...core('Ingress', 'ingresses', true),
    group: 'networking.k8s.io',
    shortNames: ['ing'],
    subresources: ['status'],
  },
  {
    ...core('NetworkPolicy', 'networkpolicies', true),
    group: 'networking.k8s.io',
    shortNames: ['netpol'],
  },
  {
    ...core('PodDisruptionBudget', 'poddisruptionbudgets', true),
    group: 'policy',
    shortNames: ['pdb'],
    subresources: ['status'],
  },
  {
    ...core('CustomResourceDefinition', 'customresourcedefinitions', false),
    group: 'apiextensions.k8s.io',
    shortNames: ['crd', 'crds'],
    subresources: ['status'],
  },
];

/**
 * Custom kinds the simulator knows the CRD of, so a scenario may use them without
 * shipping the CRD manifest (a scenario's own CRD manifests override these).
 */
export const KNOWN_CUSTOM_RESOURCE_TYPES: ResourceType[] = [
  typed('cert-manager.io', 'v1', 'Certificate', 'certificates', {
    shortNames: ['cert', 'certs'],
    categories: ['cert-manager'],
    subresources: ['status'],
  }),
  typed('cert-manager.io', 'v1', 'CertificateRequest', 'certificaterequests', {
    shortNames: ['cr', 'crs'],
    categories: ['cert-manager'],
    subresources: ['status'],
  }),
  typed('cert-manager.io', 'v1', 'Issuer', 'issuers', {
    categories: ['cert-manager'],
    subresources: ['status'],
  }),
  typed('cert-manager.io', 'v1', 'ClusterIssuer', 'clusterissuers', {
    namespaced: false,
    categories: ['cert-manager'],
    subresources: ['status'],
  }),
  typed('helm.toolkit.fluxcd.io', 'v2', 'HelmRelease', 'helmreleases', {
    shortNames: ['hr'],
    subresources: ['status'],
  }),
  typed(
    'source.toolkit.fluxcd.io',
    'v1',
    'HelmRepository',
    'helmrepositories',
    {
      shortNames: ['helmrepo'],
      subresources: ['status'],
    },
  ),
  typed('source.toolkit.fluxcd.io', 'v1', 'GitRepository', 'gitrepositories', {
    shortNames: ['gitrepo'],
    subresources: ['status'],
  }),
  typed('source.toolkit.fluxcd.io', 'v1', 'OCIRepository', 'ocirepositories', {
    shortNames: ['ocirepo'],
    subresources: ['status'],
  }),
  typed(
    'kustomize.toolkit.fluxcd.io',
    'v1',
    'Kustomization',
    'kustomizations',
    {
      shortNames: ['ks'],
      subresources: ['status'],
    },
  ),
  typed('argoproj.io', 'v1alpha1', 'Application', 'applications', {
    shortNames: ['app', 'apps'],
    subresources: ['status'],
  }),
  typed('gateway.networking.k8s.io', 'v1', 'HTTPRoute', 'httproutes', {
    categories: ['gateway-api'],
    subresources: ['status'],
  }),
  // Secrets the charts and the template's providers render (the olsontech chart's FDB CA).
  typed('external-secrets.io', 'v1', 'ExternalSecret', 'externalsecrets', {
    shortNames: ['es'],
    categories: ['external-secrets'],
    subresources: ['status'],
  }),
  typed('bitnami.com', 'v1alpha1', 'SealedSecret', 'sealedsecrets', {
    subresources: ['status'],
  }),
  typed('monitoring.coreos.com', 'v1', 'ServiceMonitor', 'servicemonitors', {
    shortNames: ['smon'],
  }),
];

/** `group/version` as written in `apiVersion`. */
export const groupVersionOf = (type: Pick<ResourceType, 'group' | 'version'>) =>
  type.group ? `${type.group}/${type.version}` : type.version;

/** The ResourceType a CustomResourceDefinition manifest declares (its storage version). */
export function resourceTypesFromCrd(crd: any): ResourceType[] {
  const spec = crd?.spec ?? {};
  const names = spec.names ?? {};
  return (spec.versions ?? [])
    .filter((v: any) => v.served !== false)
    .map((v: any) => ({
      group: spec.group,
      version: v.name,
      kind: names.kind,
      plural: names.plural,
      singular: names.singular ?? String(names.kind).toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      shortNames: names.shortNames,
      categories: names.categories,
      subresources: v.subresources?.status ? ['status'] : [],
      builtin: false,
      schema: v.schema?.openAPIV3Schema,
    }));
}

/** A CRD manifest for a known custom kind, as an apiserver would hold it. */
export function crdFor(type: ResourceType): any {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${type.plural}.${type.group}` },
    spec: {
      group: type.group,
      names: {
        kind: type.kind,
        listKind: `${type.kind}List`,
        plural: type.plural,
        singular: type.singular,
        ...(type.shortNames ? { shortNames: type.shortNames } : {}),
        ...(type.categories ? { categories: type.categories } : {}),
      },
      scope: type.namespaced ? 'Namespaced' : 'Cluster',
      versions: [
        {
          name: type.version,
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              'x-kubernetes-preserve-unknown-fields': true,
            },
          },
        },
      ],
    },
    status: {
      conditions: [
        { type: 'Established', status: 'True', reason: 'InitialNamesAccepted' },
      ],
    },
  };
}
