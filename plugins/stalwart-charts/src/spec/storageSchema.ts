import { z } from 'zod/v3';
import { host, objectName, port, url } from './fields';
import { STORAGE_SIZE } from './rules';

const name = (what: string) =>
  z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/,
      'must be an identifier of at most 63 characters',
    )
    .describe(what);

export const storageSchema = z
  .object({
    size: z
      .string()
      .regex(STORAGE_SIZE, 'must be a size in Mi, Gi or Ti such as 20Gi')
      .optional()
      .describe(
        "Size of each pod's data volume; the chart's default when omitted.",
      ),
    storageClass: objectName()
      .optional()
      .describe('StorageClass of the data volume.'),
    data: z
      .enum(['rocksdb', 'postgresql', 'foundationdb'])
      .optional()
      .describe(
        "Data store; defaults to the chart's own (PostgreSQL, FoundationDB or RocksDB).",
      ),
    postgresql: z
      .object({
        host: host().describe('PostgreSQL host.'),
        port: port().default(5432).describe('PostgreSQL port.'),
        database: name('Database name.'),
        user: name('Database user; the password comes from the Secret.'),
        tls: z.boolean().default(false).describe('Connect with TLS.'),
      })
      .strict()
      .optional()
      .describe('PostgreSQL data store.'),
    s3: z
      .object({
        endpoint: url(['https', 'http']).describe(
          'S3-compatible endpoint URL.',
        ),
        bucket: z
          .string()
          .regex(
            /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
            'must be an S3 bucket name',
          )
          .describe('Bucket holding message blobs.'),
        region: z
          .string()
          .regex(/^[a-z0-9-]{1,32}$/, 'must be a region such as eu-central-1')
          .default('us-east-1')
          .describe('Bucket region.'),
        keyPrefix: z
          .string()
          .regex(
            /^[A-Za-z0-9_./-]{0,100}$/,
            'must be a key prefix of safe characters',
          )
          .default('stalwart/')
          .describe('Prefix of every object key.'),
      })
      .strict()
      .optional()
      .describe('S3 blob store (antigenic).'),
    meilisearch: z
      .object({ url: url(['https', 'http']).describe('Meilisearch URL.') })
      .strict()
      .optional()
      .describe(
        'Meilisearch full-text store (antigenic); the API key comes from the Secret.',
      ),
    foundationdb: z
      .object({
        compression: z
          .enum(['lz4', 'zstd', 'none'])
          .default('lz4')
          .describe('Value compression.'),
        vault: z
          .object({
            server: url(['https']).describe(
              'Vault/OpenBao URL issuing the FDB client certificate.',
            ),
            kubernetesAuthPath: z
              .string()
              .regex(
                /^[a-z0-9][a-z0-9/_-]{0,99}$/,
                'must be a Vault auth mount path',
              )
              .default('kubernetes')
              .describe('Vault Kubernetes auth mount.'),
            signPath: z
              .string()
              .regex(/^[a-z0-9][a-z0-9/_-]{0,199}$/, 'must be a Vault path')
              .default('pki_int/sign/fdb-client')
              .describe('PKI path signing client certificates.'),
            role: name(
              'Vault role allowed to sign FDB client certificates.',
            ).default('fdb-client'),
            rootCaPath: z
              .string()
              .regex(/^[a-z0-9][a-z0-9/_-]{0,199}$/, 'must be a Vault path')
              .default('pki/cert/ca')
              .describe('PKI path of the root CA.'),
            rootCaRole: name('Vault role allowed to read the root CA.').default(
              'pki-root-ca-reader',
            ),
            caSecret: z
              .object({
                name: objectName().describe(
                  'Secret with the Vault CA certificate.',
                ),
                key: z
                  .string()
                  .regex(/^[-._a-zA-Z0-9]{1,253}$/)
                  .default('ca.crt')
                  .describe('Key.'),
              })
              .strict()
              .optional()
              .describe(
                'Secret in the instance namespace holding the Vault CA.',
              ),
          })
          .strict()
          .describe(
            'Vault PKI wiring for FoundationDB mTLS (the olsontech chart requires it).',
          ),
      })
      .strict()
      .optional()
      .describe(
        'FoundationDB store (olsontech); the cluster file comes from the Secret.',
      ),
  })
  .strict()
  .default({})
  .describe('Where Stalwart keeps its data.');

export const clusterSchema = z
  .object({
    nats: z
      .object({
        addresses: z
          .array(url(['nats', 'tls']))
          .min(1, 'must list at least one NATS server')
          .max(8, 'must list at most 8 NATS servers')
          .describe('NATS server URLs.'),
        auth: z
          .boolean()
          .default(false)
          .describe('Authenticate to NATS with credentials from the Secret.'),
        tls: z.boolean().default(false).describe('Connect to NATS with TLS.'),
      })
      .strict()
      .optional()
      .describe('NATS cluster coordinator (olsontech, hiroba).'),
  })
  .strict()
  .default({})
  .describe('Clustering of several Stalwart pods.');
