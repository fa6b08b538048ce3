import type { Config } from '@backstage/config';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import type { ClusterConfig, UnsupportedCluster } from '../../../config/types';
import { viewerAuthProviderReason } from '../authProviders';
import { type ClusterSupplier, suppliedClusters } from '../types';

const ENDPOINT_TYPES = ['public', 'dns'];

/** The part of the GKE API's Cluster the locator reads. */
interface GkeCluster {
  name?: string | null;
  endpoint?: string | null;
  resourceLabels?: Record<string, string> | null;
  masterAuth?: { clusterCaCertificate?: string | null } | null;
  controlPlaneEndpointsConfig?: {
    dnsEndpointConfig?: { endpoint?: string | null } | null;
  } | null;
}

/** Lists a project's clusters in a location (`-` for all), as the GKE API does. */
export type ListGkeClusters = (parent: string) => Promise<GkeCluster[]>;

/**
 * The GKE API's cluster list through `@google-cloud/container` with Application Default
 * Credentials, as the core plugin's locator calls it; over HTTP/1.1 REST rather than gRPC.
 */
export function listGkeClusters(): ListGkeClusters {
  let client: { listClusters(request: { parent: string }): Promise<any> };
  return async parent => {
    if (!client) {
      const container = await import('@google-cloud/container');
      client = new container.v1.ClusterManagerClient({ fallback: true });
    }
    const [response] = await client.listClusters({ parent });
    return response.clusters ?? [];
  };
}

/**
 * The core Kubernetes plugin's `gke` locator: a project's GKE clusters (in `region`, or every
 * location), those carrying all `matchingResourceLabels`, each with `authProvider`
 * `googleServiceAccount` (the backend's own Google identity, usable by the shared cache) or,
 * by default, `google` (the viewer's, which the cache cannot use: listed unsupported).
 */
export function gkeClusterSupplier(options: {
  locator: Config;
  list?: ListGkeClusters;
}): ClusterSupplier {
  const { locator } = options;
  const list = options.list ?? listGkeClusters();
  const projectId = locator.getString('projectId');
  const region = locator.getOptionalString('region') ?? '-';
  const authProvider =
    locator.getOptionalString('authProvider') === 'googleServiceAccount'
      ? 'googleServiceAccount'
      : 'google';
  const skipTLSVerify = locator.getOptionalBoolean('skipTLSVerify') ?? false;
  const labels =
    locator
      .getOptionalConfigArray('matchingResourceLabels')
      ?.map(l => ({ key: l.getString('key'), value: l.getString('value') })) ??
    [];
  const endpointType = locator.getOptionalString('endpointType') ?? 'public';
  if (!ENDPOINT_TYPES.includes(endpointType)) {
    throw new Error(
      `Invalid endpointType '${endpointType}', must be one of: ${ENDPOINT_TYPES.join(
        ', ',
      )}`,
    );
  }

  function toCluster(gke: GkeCluster): ClusterConfig | UnsupportedCluster {
    const name = gke.name ?? 'unknown';
    if (authProvider === 'google') {
      return { name, reason: viewerAuthProviderReason(name, authProvider)! };
    }
    const dnsEndpoint =
      endpointType === 'dns'
        ? gke.controlPlaneEndpointsConfig?.dnsEndpointConfig?.endpoint
        : undefined;
    const endpoint = dnsEndpoint ?? gke.endpoint;
    if (!endpoint) {
      return {
        name,
        reason: `GKE cluster ${name} of project ${projectId} has no endpoint`,
      };
    }
    const caData = gke.masterAuth?.clusterCaCertificate;
    return {
      name,
      url: `https://${endpoint}`,
      // The core locator leaves the CA out; the GKE API gives it, so TLS can be verified.
      ...(caData && { caData }),
      skipTLSVerify,
      authStrategy: {
        provider: authProvider,
        authMetadata: { [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider },
      },
    };
  }

  return {
    locator: 'gke',
    async getClusters() {
      let found: GkeCluster[];
      try {
        found = await list(`projects/${projectId}/locations/${region}`);
      } catch (error) {
        throw new Error(
          `There was an error retrieving clusters from GKE for projectId=${projectId} region=${region}: ${
            error instanceof Error ? error.message : error
          }`,
        );
      }
      const read = found
        .filter(c => labels.every(l => c.resourceLabels?.[l.key] === l.value))
        .map(toCluster);
      return suppliedClusters(read);
    },
  };
}
