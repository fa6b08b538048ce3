import type { ChartFlavorModule } from '../types';

/** What an antigenic instance needs beyond the common fields, as a user would write it. */
export const antigenicExample: ChartFlavorModule['example'] = {
  spec: {
    replicas: 3,
    tls: { issuer: 'letsencrypt-dns', issuerKind: 'ClusterIssuer' },
    storage: {
      size: '10Gi',
      postgresql: {
        host: 'postgres-rw.database.svc.cluster.local',
        database: 'stalwart',
        user: 'stalwart',
      },
      s3: {
        endpoint: 'https://minio.storage.svc.cluster.local:9000',
        bucket: 'stalwart',
        region: 'eu-central-1',
      },
      meilisearch: { url: 'http://meilisearch.search.svc.cluster.local:7700' },
    },
    proxy: { trustedNetworks: ['10.0.64.131/32'], allowedIps: [] },
    metrics: { prometheus: true },
    http: {
      mode: 'gateway',
      parentRefs: [
        {
          name: 'cilium-gateway',
          namespace: 'kube-system',
          sectionName: 'https',
        },
      ],
    },
    pdb: { enabled: true, minAvailable: 1 },
  },
  sealedSecretKeys: [
    'ADMIN_SECRET',
    'MEILISEARCH_API_KEY',
    'POSTGRES_PASSWORD',
    'PROMETHEUS_SECRET',
    'REDIS_URL',
    'S3_ACCESS_KEY',
    'S3_SECRET_KEY',
  ],
};
