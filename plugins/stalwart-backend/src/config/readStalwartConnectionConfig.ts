import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** How a credential from a Secret is sent: `Bearer <value>` or `Basic base64(<value>)`. */
export type CredentialsType = 'apiKey' | 'basic';

/** A key of a Kubernetes Secret in the instance's cluster that holds Stalwart credentials. */
export interface CredentialsSecretRef {
  secretName: string;
  /** Default: the instance's namespace. */
  secretNamespace?: string;
  key: string;
  type: CredentialsType;
}

/** Credentials for one instance, chosen before the entity annotation and the default. */
export interface InstanceCredentials extends CredentialsSecretRef {
  /** Default: every cluster. */
  cluster?: string;
  namespace: string;
  release: string;
}

/** How the backend reaches each Stalwart pod (through pods/portforward), read once at startup. */
export interface StalwartConnectionConfig {
  requestTimeoutMs: number;
  /** Attempts after the first for 429, and for 5xx and network failures of reads. */
  maxRetries: number;
  /** A `Retry-After` longer than this fails at once instead of waiting. */
  maxRetryAfterMs: number;
  /** Open port-forwards of a pod idle this long are closed. */
  idleTimeoutMs: number;
  /** Concurrent port-forwards per pod. */
  maxConnectionsPerPod: number;
  /** How long a credential read from a Secret is reused before it is read again. */
  credentialsCacheTtlMs: number;
  defaultCredentials?: CredentialsSecretRef;
  instanceCredentials: InstanceCredentials[];
}

const SECRET_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

function readSecretRef(config: Config, at: string): CredentialsSecretRef {
  const secretName = config.getString('secretName');
  const key = config.getOptionalString('key') ?? 'apiKey';
  const type = config.getOptionalString('type') ?? 'apiKey';
  if (!SECRET_NAME.test(secretName))
    throw new Error(
      `${at}.secretName "${secretName}" is not a Kubernetes Secret name (lowercase DNS subdomain)`,
    );
  if (!SECRET_KEY.test(key))
    throw new Error(`${at}.key "${key}" is not a Secret data key`);
  if (type !== 'apiKey' && type !== 'basic')
    throw new Error(`${at}.type must be apiKey or basic, not "${type}"`);
  return {
    secretName,
    secretNamespace: config.getOptionalString('secretNamespace'),
    key,
    type,
  };
}

/** Reads `stalwart.connection` and `stalwart.credentials`. */
export function readStalwartConnectionConfig(
  config: Config,
): StalwartConnectionConfig {
  const connection = config.getOptionalConfig('stalwart.connection');
  const durationMs = (key: string, fallbackMs: number) =>
    connection?.has(key)
      ? durationToMilliseconds(readDurationFromConfig(connection, { key }))
      : fallbackMs;
  const credentials = config.getOptionalConfig('stalwart.credentials');
  const defaults = credentials?.getOptionalConfig('default');

  return {
    requestTimeoutMs: durationMs('requestTimeout', 10_000),
    maxRetries: connection?.getOptionalNumber('maxRetries') ?? 2,
    maxRetryAfterMs: durationMs('maxRetryAfter', 30_000),
    idleTimeoutMs: durationMs('idleTimeout', 60_000),
    maxConnectionsPerPod:
      connection?.getOptionalNumber('maxConnectionsPerPod') ?? 2,
    credentialsCacheTtlMs: durationMs('credentialsCacheTtl', 5 * 60_000),
    defaultCredentials: defaults
      ? readSecretRef(defaults, 'stalwart.credentials.default')
      : undefined,
    instanceCredentials: (
      credentials?.getOptionalConfigArray('instances') ?? []
    ).map((entry, index) => ({
      ...readSecretRef(entry, `stalwart.credentials.instances[${index}]`),
      cluster: entry.getOptionalString('cluster'),
      namespace: entry.getString('namespace'),
      release: entry.getString('release'),
    })),
  };
}
