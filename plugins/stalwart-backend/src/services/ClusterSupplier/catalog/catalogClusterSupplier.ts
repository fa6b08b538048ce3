import type { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import type { ClusterConfig, UnsupportedCluster } from '../../../config/types';
import {
  isSharedCredentialProvider,
  NO_CREDENTIAL_AUTH_PROVIDERS,
  viewerAuthProviderReason,
} from '../authProviders';
import { type ClusterSupplier, suppliedClusters } from '../types';
import { apiServerUrlProblem } from './validateApiServerUrl';

/** Annotations never passed on as auth metadata, as in the core catalog locator. */
const BLOCKED_AUTH_METADATA = new Set(['serviceAccountToken']);

/**
 * The core Kubernetes plugin's `catalog` locator: every Resource entity of type
 * `kubernetes-cluster` carrying the API server, CA and auth provider annotations, read with
 * this plugin's own service credentials, each time the cluster list is refreshed.
 */
export function catalogClusterSupplier(options: {
  locator: Config;
  catalog: CatalogService;
  auth: AuthService;
}): ClusterSupplier {
  const allowedUrls =
    options.locator.getOptionalStringArray('dangerouslyAllowClusterUrls') ?? [];
  const allowSkipTLSVerify =
    options.locator.getOptionalBoolean('dangerouslyAllowSkipTLSVerify') ??
    false;
  const annotation = (key: string) => `metadata.annotations.${key}`;

  async function toCluster(
    entity: Entity,
  ): Promise<ClusterConfig | UnsupportedCluster> {
    const name = entity.metadata.name;
    const annotations = entity.metadata.annotations ?? {};
    const authProvider = annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
    const unsupported = (why: string) => ({
      name,
      reason: `catalog entity resource:${
        entity.metadata.namespace ?? 'default'
      }/${name} ${why}`,
    });
    const viewerReason = viewerAuthProviderReason(name, authProvider);
    if (viewerReason) return { name, reason: viewerReason };
    if (
      !isSharedCredentialProvider(authProvider) &&
      !NO_CREDENTIAL_AUTH_PROVIDERS.includes(authProvider)
    ) {
      // serviceAccount included: the core catalog locator refuses it, a token does not
      // belong in an entity anyone can read.
      return unsupported(
        `has ${ANNOTATION_KUBERNETES_AUTH_PROVIDER} "${authProvider}", which the catalog locator does not support (use aws, googleServiceAccount, azure or anonymous)`,
      );
    }
    const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
    const problem = await apiServerUrlProblem(url, allowedUrls);
    if (problem) {
      return unsupported(
        `has ${ANNOTATION_KUBERNETES_API_SERVER} "${url}", which ${problem}`,
      );
    }
    const caData = annotations[ANNOTATION_KUBERNETES_API_SERVER_CA];
    const cluster: ClusterConfig = {
      name,
      url: url.replace(/\/+$/, ''),
      ...(caData && { caData }),
      skipTLSVerify:
        (allowSkipTLSVerify &&
          annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true') ||
        // Plain HTTP the operator allowed for this host carries no TLS to verify.
        url.startsWith('http://'),
    };
    if (!isSharedCredentialProvider(authProvider)) return cluster;
    return {
      ...cluster,
      authStrategy: {
        provider: authProvider,
        authMetadata: Object.fromEntries(
          Object.entries(annotations).filter(
            ([key]) =>
              key.startsWith('kubernetes.io/') &&
              !BLOCKED_AUTH_METADATA.has(key),
          ),
        ),
      },
    };
  }

  return {
    locator: 'catalog',
    async getClusters() {
      const { items } = await options.catalog.getEntities(
        {
          filter: [
            {
              kind: 'Resource',
              'spec.type': 'kubernetes-cluster',
              [annotation(ANNOTATION_KUBERNETES_API_SERVER)]:
                CATALOG_FILTER_EXISTS,
              [annotation(ANNOTATION_KUBERNETES_API_SERVER_CA)]:
                CATALOG_FILTER_EXISTS,
              [annotation(ANNOTATION_KUBERNETES_AUTH_PROVIDER)]:
                CATALOG_FILTER_EXISTS,
            },
          ],
        },
        { credentials: await options.auth.getOwnServiceCredentials() },
      );
      const read = await Promise.all(items.map(toCluster));
      return suppliedClusters(read);
    },
  };
}
