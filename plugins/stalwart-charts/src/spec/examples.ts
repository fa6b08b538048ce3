import type { ChartFlavorId } from '../charts';
import type { InstanceSpecInput } from './instanceSpecSchema';

/** What each flavor needs beyond the common fields, as a user would write it. */
const FLAVOR_PARTS: Record<ChartFlavorId, Partial<InstanceSpecInput>> = {
  antigenic: {
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
  olsontech: {
    replicas: 3,
    image: {
      repository: 'registry.example.com/stalwart-fdb',
      tag: 'v0.14.1-fdb',
    },
    tls: {
      acmeDns: {
        server: 'https://acme-dns.example.com',
        accountSecret: { name: 'acme-dns-account', key: 'acmedns.json' },
      },
    },
    storage: {
      foundationdb: { vault: { server: 'https://vault.example.com:8200' } },
    },
    cluster: {
      nats: {
        addresses: ['nats://nats.nats.svc.cluster.local:4222'],
        auth: true,
      },
    },
    http: { mode: 'ingress', ingressClassName: 'nginx' },
  },
  hiroba: {
    tls: { issuer: 'letsencrypt-dns' },
    storage: { size: '20Gi' },
    proxy: { trustedNetworks: ['10.0.0.0/8'], allowedIps: ['192.0.2.10'] },
    http: {
      mode: 'gateway',
      parentRefs: [
        {
          name: 'default-gateway',
          namespace: 'gateway-system',
          sectionName: 'https',
        },
      ],
    },
    relay: { host: 'smtp.resend.com', port: 465, username: 'resend' },
    metrics: { prometheus: true },
  },
  kgrubb: {
    tls: { issuer: 'letsencrypt-dns' },
    service: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' },
    http: { mode: 'ingress', ingressClassName: 'traefik' },
    relay: { host: 'relay.example.net', port: 25 },
    networkPolicy: { enabled: true },
  },
};

/** Stand-in kubeseal ciphertext: base64 of the right shape, not a secret. */
const CIPHERTEXT = `AgB${'x'.repeat(80)}==`;

/**
 * A complete example spec for a flavor, GitOps engine and secrets provider, as a user would
 * write it (before defaults). Used by the template's defaults, the golden tests and the benchmark.
 *
 * @public
 */
export function exampleInstanceSpec(
  chart: ChartFlavorId,
  engine: 'flux' | 'argocd' = 'flux',
  provider:
    | 'existing'
    | 'external-secrets'
    | 'sealed-secrets' = 'external-secrets',
  name = 'mail-prod',
): InstanceSpecInput {
  const part = structuredClone(FLAVOR_PARTS[chart]);
  const sealedKeys: Record<ChartFlavorId, string[]> = {
    antigenic: [
      'ADMIN_SECRET',
      'MEILISEARCH_API_KEY',
      'POSTGRES_PASSWORD',
      'PROMETHEUS_SECRET',
      'REDIS_URL',
      'S3_ACCESS_KEY',
      'S3_SECRET_KEY',
    ],
    olsontech: ['cluster-file', 'password', 'username'],
    hiroba: ['STALWART_RELAY_SECRET'],
    kgrubb: ['password', 'username'],
  };
  return {
    name,
    namespace: 'mail',
    hostname: 'mail.example.com',
    chart,
    ...part,
    tls: part.tls!,
    secrets: {
      provider,
      name: `${name}-secrets`,
      ...(provider === 'external-secrets'
        ? {
            externalSecrets: {
              store: 'vault-backend',
              remoteKey: `mail/${name}`,
            },
          }
        : {}),
      ...(provider === 'sealed-secrets'
        ? {
            sealedSecrets: {
              encryptedData: Object.fromEntries(
                sealedKeys[chart].map(k => [k, CIPHERTEXT]),
              ),
            },
          }
        : {}),
    },
    gitops: {
      engine,
      path: `clusters/prod/${name}`,
      ...(engine === 'argocd'
        ? {
            argocd: {
              repoURL: 'https://github.com/example/gitops.git',
              revision: 'main',
            },
          }
        : {}),
    },
  };
}
