import { SimulatedCluster } from './SimulatedCluster';
import { RESOURCE_VERBS, ResourceType, groupVersionOf } from './resourceTypes';

const AGGREGATED_V2 =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const json = (body: unknown, contentType = 'application/json') =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': contentType, Vary: 'Accept' },
  });

/** Whether the client asked for aggregated discovery (kubectl ≥ 1.30 does). */
export const wantsAggregatedDiscovery = (accept: string | null) =>
  /g=apidiscovery\.k8s\.io;\s*v=v2;\s*as=APIGroupDiscoveryList/.test(
    accept ?? '',
  );

const SUBRESOURCE_KINDS: Record<string, string> = {
  'pods/proxy': 'PodProxyOptions',
  'services/proxy': 'ServiceProxyOptions',
  'pods/log': 'Pod',
};

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  log: ['get'],
};
const subresourceVerbs = (sub: string) =>
  SUBRESOURCE_VERBS[sub] ?? ['get', 'patch', 'update'];

function legacyResources(types: ResourceType[]) {
  return types.flatMap(t => [
    {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: RESOURCE_VERBS,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
    },
    ...(t.subresources ?? []).map(sub => ({
      name: `${t.plural}/${sub}`,
      singularName: '',
      namespaced: t.namespaced,
      kind:
        SUBRESOURCE_KINDS[`${t.plural}/${sub}`] ??
        (sub === 'scale' ? 'Scale' : t.kind),
      verbs: subresourceVerbs(sub),
    })),
  ]);
}

function aggregatedResources(types: ResourceType[]) {
  return types.map(t => ({
    resource: t.plural,
    responseKind: { group: '', version: '', kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: RESOURCE_VERBS,
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(t.categories ? { categories: t.categories } : {}),
    ...(t.subresources?.length
      ? {
          subresources: t.subresources.map(sub => ({
            subresource: sub,
            responseKind: {
              group: '',
              version: '',
              kind: SUBRESOURCE_KINDS[`${t.plural}/${sub}`] ?? t.kind,
            },
            verbs: subresourceVerbs(sub),
          })),
        }
      : {}),
  }));
}

export function versionResponse(cluster: SimulatedCluster): Response {
  const [major, minor] = cluster.kubernetesVersion.replace(/^v/, '').split('.');
  return json({
    major,
    minor,
    gitVersion: cluster.kubernetesVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  });
}

export function coreVersionsResponse(
  cluster: SimulatedCluster,
  accept: string | null,
): Response {
  if (wantsAggregatedDiscovery(accept)) {
    const versions = [
      {
        version: 'v1',
        resources: aggregatedResources(
          cluster.registry.inGroupVersion('', 'v1'),
        ),
        freshness: 'Current',
      },
    ];
    return json(
      {
        kind: 'APIGroupDiscoveryList',
        apiVersion: 'apidiscovery.k8s.io/v2',
        metadata: {},
        items: [{ metadata: { creationTimestamp: null }, versions }],
      },
      AGGREGATED_V2,
    );
  }
  return json({
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [
      { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' },
    ],
  });
}

const groupEntry = (group: { name: string; versions: string[] }) => ({
  name: group.name,
  versions: group.versions.map(v => ({
    groupVersion: `${group.name}/${v}`,
    version: v,
  })),
  preferredVersion: {
    groupVersion: `${group.name}/${group.versions[0]}`,
    version: group.versions[0],
  },
});

export function groupListResponse(
  cluster: SimulatedCluster,
  accept: string | null,
): Response {
  const groups = cluster.registry.groups();
  if (wantsAggregatedDiscovery(accept)) {
    return json(
      {
        kind: 'APIGroupDiscoveryList',
        apiVersion: 'apidiscovery.k8s.io/v2',
        metadata: {},
        items: groups.map(g => ({
          metadata: { name: g.name, creationTimestamp: null },
          versions: g.versions.map(v => ({
            version: v,
            resources: aggregatedResources(
              cluster.registry.inGroupVersion(g.name, v),
            ),
            freshness: 'Current',
          })),
        })),
      },
      AGGREGATED_V2,
    );
  }
  return json({
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(groupEntry),
  });
}

export function groupResponse(
  cluster: SimulatedCluster,
  name: string,
): Response | undefined {
  const group = cluster.registry.groups().find(g => g.name === name);
  return group
    ? json({ kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group) })
    : undefined;
}

export function resourceListResponse(
  cluster: SimulatedCluster,
  group: string,
  version: string,
): Response | undefined {
  const types = cluster.registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  return json({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionOf({ group, version }),
    resources: legacyResources(types),
  });
}
