import type { ClusterClient } from '../../ClusterClientService/createClusterClient';
import { StalwartApiError, StalwartTarget } from '../errors/StalwartApiError';
import type { PodCredentials } from '../http/PodTransport';
import type { CredentialsChoice } from './chooseCredentials';

type Ref = Extract<CredentialsChoice, { ref: unknown }>['ref'];

function authorizationFor(ref: Ref, value: string): string {
  // Secrets written with `echo` end in a newline that is no part of the credential.
  const credential = value.replace(/\r?\n$/, '');
  if (ref.type === 'basic')
    return `Basic ${Buffer.from(credential, 'utf8').toString('base64')}`;
  return /^bearer\s/i.test(credential) ? credential : `Bearer ${credential}`;
}

/**
 * Reads credentials from Kubernetes Secrets with the backend's cluster credentials and keeps
 * the resulting `Authorization` header in memory only, for `ttlMs` or until Stalwart rejects
 * it. Errors name the Secret and key, never a value.
 */
/** What reading a Secret gave: the header to send, or why there is none (for every pod alike). */
type SecretRead =
  | { header: string }
  | { problem: string; upstreamStatus?: number };

export class SecretCredentialsReader {
  private readonly cache = new Map<
    string,
    { read: Promise<SecretRead>; expiresAt: number }
  >();

  constructor(
    private readonly clients: Pick<ReadonlyMap<string, ClusterClient>, 'get'>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The credentials one pod's requests use. */
  forPod(choice: CredentialsChoice, target: StalwartTarget): PodCredentials {
    const unavailable = (problem: string, upstreamStatus?: number) =>
      new StalwartApiError({
        reason: 'credentials-unavailable',
        message: problem,
        target,
        upstreamStatus,
      });
    if ('problem' in choice) {
      const error = unavailable(choice.problem);
      return {
        authorization: () => Promise.reject(error),
        invalidate: () => {},
      };
    }
    const key = `${target.cluster}/${choice.ref.secretNamespace}/${choice.ref.secretName}/${choice.ref.key}/${choice.ref.type}`;
    return {
      authorization: async () => {
        // Pods of one instance share the read, but each failure names its own pod.
        const result = await this.cachedRead(key, choice.ref, target.cluster);
        if ('header' in result) return result.header;
        throw unavailable(result.problem, result.upstreamStatus);
      },
      invalidate: () => this.cache.delete(key),
    };
  }

  private cachedRead(
    key: string,
    ref: Ref,
    cluster: string,
  ): Promise<SecretRead> {
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.read;
    const read = this.read(ref, cluster);
    this.cache.set(key, { read, expiresAt: this.now() + this.ttlMs });
    // A failed read is not remembered: the next request tries the Secret again.
    const forget = () => {
      if (this.cache.get(key)?.read === read) this.cache.delete(key);
    };
    read.then(result => ('problem' in result ? forget() : undefined), forget);
    return read;
  }

  private async read(ref: Ref, cluster: string): Promise<SecretRead> {
    const client = this.clients.get(cluster);
    const name = `Secret ${ref.secretNamespace}/${ref.secretName}`;
    if (!client) return { problem: `Cluster ${cluster} is not configured` };
    let secret: { data?: Record<string, string> };
    try {
      secret = (await client.get(
        `/api/v1/namespaces/${encodeURIComponent(
          ref.secretNamespace,
        )}/secrets/${encodeURIComponent(ref.secretName)}`,
      )) as typeof secret;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404)
        return { problem: `${name} does not exist`, upstreamStatus: 404 };
      if (status === 401 || status === 403)
        return {
          problem: `The backend may not read ${name}: ${
            (error as Error).message
          }`,
          upstreamStatus: status,
        };
      return {
        problem: `${name} could not be read: ${(error as Error).message}`,
        upstreamStatus: status,
      };
    }
    const encoded = secret.data?.[ref.key];
    if (!encoded) return { problem: `${name} has no key "${ref.key}"` };
    return {
      header: authorizationFor(
        ref,
        Buffer.from(encoded, 'base64').toString('utf8'),
      ),
    };
  }
}
