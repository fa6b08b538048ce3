/**
 * Annotations that link a catalog entity to a Stalwart instance running in Kubernetes.
 *
 * @public
 */
export const STALWART_ANNOTATIONS = {
  /** The Helm release name of the instance; marks an entity as a Stalwart instance. */
  release: 'stalwart.io/release',
  /** The Kubernetes namespace the release is installed in. */
  namespace: 'stalwart.io/namespace',
  /** Comma-separated names of the configured clusters the instance runs in. */
  clusters: 'stalwart.io/clusters',
  /** The chart flavor the instance was rendered for (antigenic, olsontech, hiroba, kgrubb). */
  chart: 'stalwart.io/chart',
  /** The instance hostname its certificate must cover. */
  hostname: 'stalwart.io/hostname',
  /** The chart version the instance was rendered for. */
  chartVersion: 'stalwart.io/chart-version',
  /** The folder of the GitOps repository holding the instance's values.yaml and manifests. */
  gitopsPath: 'stalwart.io/gitops-path',
  /**
   * The Secret, in the instance's namespace, holding the credentials the backend sends to
   * Stalwart: `[apiKey:|basic:]<secret-name>[/<key>]` (defaults: `apiKey`, key `apiKey`).
   */
  credentialsSecret: 'stalwart.io/credentials-secret',
} as const;

/**
 * Whether an entity is a Stalwart instance this project can observe.
 *
 * @public
 */
export function isStalwartInstance(entity: {
  metadata: { annotations?: Record<string, string> };
}): boolean {
  return Boolean(entity.metadata.annotations?.[STALWART_ANNOTATIONS.release]);
}

/**
 * The clusters an entity's `stalwart.io/clusters` annotation names; none means the instance
 * runs in every configured cluster.
 *
 * @public
 */
export function namedClusters(entity: {
  metadata: { annotations?: Record<string, string> };
}): string[] {
  return (entity.metadata.annotations?.[STALWART_ANNOTATIONS.clusters] ?? '')
    .split(',')
    .map(c => c.trim())
    .filter(Boolean);
}
