import type { InstanceSpec } from './instanceSpecSchema';

/** The Secret key holding the outbound relay password (v0.16 flavors read it from the env). */
export const RELAY_SECRET_KEY = 'STALWART_RELAY_SECRET';

/**
 * The keys the instance Secret (`secrets.name`) must hold for this spec, in a stable order:
 * what the chart reads from it, so the ExternalSecret / SealedSecret delivers exactly these.
 *
 * @public
 */
export function requiredSecretKeys(spec: InstanceSpec): string[] {
  switch (spec.chart) {
    case 'antigenic':
      // The chart's config.toml reads these through %{env:…}% from envFrom (values.yaml `secret.data`).
      return [
        'ADMIN_SECRET',
        'MEILISEARCH_API_KEY',
        'POSTGRES_PASSWORD',
        ...(spec.metrics.prometheus ? ['PROMETHEUS_SECRET'] : []),
        'REDIS_URL',
        'S3_ACCESS_KEY',
        'S3_SECRET_KEY',
      ];
    case 'olsontech':
      // One Secret serves as fdb.secrets.clusterFile and, when clustered, the NATS credentials,
      // which the StatefulSet reads unconditionally.
      return [
        'cluster-file',
        ...(spec.replicas > 1 ? ['password', 'username'] : []),
      ];
    case 'hiroba':
      // envFrom: config.json and the settings plan reference these as EnvironmentVariable.
      return [
        ...(spec.cluster.nats?.auth ? ['STALWART_NATS_TOKEN'] : []),
        ...(resolvedDataStore(spec) === 'postgresql'
          ? ['STALWART_DATA_PASSWORD']
          : []),
        ...(spec.relay?.username ? [RELAY_SECRET_KEY] : []),
      ];
    case 'kgrubb':
      // recoveryAdmin.existingSecret: the tls-sync sidecar signs in with it to load certificates.
      return ['password', 'username'];
    default:
      return [];
  }
}

/** The data store a spec runs on, after the chart's default. */
export function resolvedDataStore(
  spec: Pick<InstanceSpec, 'chart' | 'storage'>,
): 'rocksdb' | 'postgresql' | 'foundationdb' {
  if (spec.storage.data) return spec.storage.data;
  if (spec.chart === 'antigenic') return 'postgresql';
  if (spec.chart === 'olsontech') return 'foundationdb';
  return 'rocksdb';
}
