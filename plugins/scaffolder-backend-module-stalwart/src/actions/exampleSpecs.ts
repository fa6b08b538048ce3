import {
  exampleInstanceSpec,
  type InstanceSpecInput,
} from '@stalwart-backstage/plugin-stalwart-charts';

/**
 * The smallest spec the template produces with its defaults: the hiroba chart (v0.16,
 * RocksDB), a cert-manager issuer, an existing Secret and Flux.
 */
export const minimalSpec: InstanceSpecInput = {
  name: 'mail-demo',
  namespace: 'mail',
  hostname: 'mail.example.com',
  chart: 'hiroba',
  tls: { issuer: 'letsencrypt' },
  secrets: { provider: 'existing', name: 'mail-demo-secrets' },
  gitops: { engine: 'flux', path: 'clusters/local/mail-demo' },
};

/** A full production-shaped spec: the antigenic chart through Argo CD and External Secrets. */
export const argoCdSpec: InstanceSpecInput = exampleInstanceSpec(
  'antigenic',
  'argocd',
  'external-secrets',
  'mail-prod',
);
