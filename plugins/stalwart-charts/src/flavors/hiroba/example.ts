import type { ChartFlavorModule } from '../types';

/** What a hiroba instance needs beyond the common fields, as a user would write it. */
export const hirobaExample: ChartFlavorModule['example'] = {
  spec: {
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
  sealedSecretKeys: ['STALWART_RELAY_SECRET'],
};
