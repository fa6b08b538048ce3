import type { ChartFlavorModule } from '../types';

/** What a kgrubb instance needs beyond the common fields, as a user would write it. */
export const kgrubbExample: ChartFlavorModule['example'] = {
  spec: {
    tls: { issuer: 'letsencrypt-dns' },
    service: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' },
    http: { mode: 'ingress', ingressClassName: 'traefik' },
    relay: { host: 'relay.example.net', port: 25 },
    networkPolicy: { enabled: true },
  },
  sealedSecretKeys: ['password', 'username'],
};
