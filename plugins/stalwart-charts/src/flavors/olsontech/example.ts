import type { ChartFlavorModule } from '../types';

/** What an olsontech instance needs beyond the common fields, as a user would write it. */
export const olsontechExample: ChartFlavorModule['example'] = {
  spec: {
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
  sealedSecretKeys: ['cluster-file', 'password', 'username'],
};
