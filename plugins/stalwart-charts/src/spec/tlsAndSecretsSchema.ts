import { z } from 'zod/v3';
import { objectName, secretKey, secretKeyRef, url } from './fields';
import { DURATION } from './rules';

export const tlsSchema = z
  .object({
    issuer: objectName()
      .optional()
      .describe(
        'cert-manager issuer that signs the mail certificate; omit to use tls.secretName.',
      ),
    issuerKind: z
      .enum(['ClusterIssuer', 'Issuer'])
      .default('ClusterIssuer')
      .describe('Kind of tls.issuer.'),
    secretName: objectName()
      .optional()
      .describe(
        'An existing kubernetes.io/tls Secret to serve instead of issuing one.',
      ),
    acmeDns: z
      .object({
        server: url(['https', 'http']).describe(
          'URL of the acme-dns server (olsontech chart).',
        ),
        accountSecret: secretKeyRef().describe(
          'Secret key holding the acme-dns account JSON for the DNS-01 solver.',
        ),
      })
      .strict()
      .optional()
      .describe(
        'ACME DNS-01 via acme-dns; the olsontech chart issues its own certificate this way.',
      ),
  })
  .strict()
  .describe('How the mail listeners get their TLS certificate.');

export const secretsSchema = z
  .object({
    provider: z
      .enum(['existing', 'external-secrets', 'sealed-secrets'])
      .describe(
        'Who delivers the Secret: already in the cluster, an ExternalSecret, or a SealedSecret.',
      ),
    name: objectName().describe(
      'Name of the Kubernetes Secret holding the instance credentials.',
    ),
    externalSecrets: z
      .object({
        store: objectName().describe(
          'Name of the SecretStore or ClusterSecretStore to read from.',
        ),
        storeKind: z
          .enum(['ClusterSecretStore', 'SecretStore'])
          .default('ClusterSecretStore')
          .describe('Kind of the store.'),
        remoteKey: z
          .string()
          .regex(
            /^[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}$/,
            'must be a store path such as mail/prod',
          )
          .describe(
            'Key (path) of the remote secret; each Secret key is read as a property of it.',
          ),
        refreshInterval: z
          .string()
          .regex(DURATION, 'must be a duration such as 1h or 30m')
          .default('1h')
          .describe('How often the ExternalSecret refreshes.'),
      })
      .strict()
      .optional()
      .describe(
        'Where the ExternalSecret reads from (provider external-secrets).',
      ),
    sealedSecrets: z
      .object({
        encryptedData: z
          .record(
            secretKey(),
            z
              .string()
              .regex(
                /^[A-Za-z0-9+/]{64,}={0,2}$/,
                'must be kubeseal ciphertext (base64)',
              )
              .max(16384, 'must be at most 16384 characters'),
          )
          .refine(v => Object.keys(v).length <= 32, 'must have at most 32 keys')
          .describe(
            'kubeseal --raw ciphertexts by Secret key, sealed for this namespace and name.',
          ),
      })
      .strict()
      .optional()
      .describe(
        'The sealed credentials (provider sealed-secrets); ciphertext only.',
      ),
  })
  .strict()
  .describe(
    'The Secret holding the credentials the chart needs; secrets are only ever referenced.',
  );
