import type { ClusterClient } from '../../KubernetesCacheService/createClusterClient';
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
export class SecretCredentialsReader {
  private readonly cache = new Map<
    string,
    { header: Promise<string>; expiresAt: number }
  >();

  constructor(
    private readonly clients: ReadonlyMap<string, ClusterClient>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The credentials one pod's requests use. */
  forPod(choice: CredentialsChoice, target: StalwartTarget): PodCredentials {
    if ('problem' in choice) {
      const error = new StalwartApiError({
        reason: 'credentials-unavailable',
        message: choice.problem,
        target,
      });
      return {
        authorization: () => Promise.reject(error),
        invalidate: () => {},
      };
    }
    const key = `${target.cluster}/${choice.ref.secretNamespace}/${choice.ref.secretName}/${choice.ref.key}/${choice.ref.type}`;
    return {
      authorization: () => {
        const cached = this.cache.get(key);
        if (cached && cached.expiresAt > this.now()) return cached.header;
        const header = this.read(choice.ref, target);
        this.cache.set(key, { header, expiresAt: this.now() + this.ttlMs });
        header.catch(() => this.cache.delete(key));
        return header;
      },
      invalidate: () => this.cache.delete(key),
    };
  }

  private async read(ref: Ref, target: StalwartTarget): Promise<string> {
    const client = this.clients.get(target.cluster);
    const name = `Secret ${ref.secretNamespace}/${ref.secretName}`;
    const unavailable = (message: string, upstreamStatus?: number) =>
      new StalwartApiError({
        reason: 'credentials-unavailable',
        message,
        target,
        upstreamStatus,
      });
    if (!client)
      throw unavailable(`Cluster ${target.cluster} is not configured`);
    let secret: { data?: Record<string, string> };
    try {
      secret = (await client.get(
        `/api/v1/namespaces/${encodeURIComponent(
          ref.secretNamespace,
        )}/secrets/${encodeURIComponent(ref.secretName)}`,
      )) as typeof secret;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) throw unavailable(`${name} does not exist`, 404);
      if (status === 401 || status === 403)
        throw unavailable(
          `The backend may not read ${name}: ${(error as Error).message}`,
          status,
        );
      throw unavailable(
        `${name} could not be read: ${(error as Error).message}`,
        status,
      );
    }
    const encoded = secret.data?.[ref.key];
    if (!encoded) throw unavailable(`${name} has no key "${ref.key}"`);
    return authorizationFor(
      ref,
      Buffer.from(encoded, 'base64').toString('utf8'),
    );
  }
}
