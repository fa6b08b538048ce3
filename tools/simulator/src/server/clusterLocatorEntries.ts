import type { SimulatedClusterEndpoint } from '../createSimulator';

/**
 * One entry of `kubernetes.clusterLocatorMethods[].clusters` in app-config, as Backstage's
 * Kubernetes plugins read it.
 *
 * @public
 */
// A type, not an interface, so it stays assignable to config's JSON types.
export type ClusterLocatorEntry = {
  name: string;
  url: string;
  authProvider: string;
  serviceAccountToken?: string;
  caData?: string;
  skipMetricsLookup?: boolean;
};

/**
 * The app-config entries that point a backend at simulated clusters exactly as at real ones:
 * URL, service-account token and, over HTTPS, the certificate to trust.
 *
 * @public
 */
export function clusterLocatorEntries(
  clusters: SimulatedClusterEndpoint[],
  certificate?: string,
): ClusterLocatorEntry[] {
  const caData = certificate
    ? Buffer.from(certificate).toString('base64')
    : undefined;
  return clusters.map(cluster => ({
    name: cluster.name,
    url: cluster.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.token,
    ...(caData ? { caData } : {}),
    // The simulator serves no metrics API.
    skipMetricsLookup: true,
  }));
}
