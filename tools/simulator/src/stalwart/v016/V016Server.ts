import { randomBytes } from 'node:crypto';
import { StalwartServerDocument } from '../types';
import { REGISTRY_SCHEMA, fieldsOf } from './registrySchema';

/** Who a v0.16 request authenticated as. */
export interface V016Caller {
  name: string;
  canWrite: boolean;
}

const DEFAULT_LISTENERS: Array<[string, string, string, boolean]> = [
  ['smtp', '[::]:25', 'smtp', false],
  ['submissions', '[::]:465', 'smtp', true],
  ['imaps', '[::]:993', 'imap', true],
  ['pop3s', '[::]:995', 'pop3', true],
  ['sieve', '[::]:4190', 'manageSieve', false],
  ['https', '[::]:443', 'http', true],
  ['http', '[::]:8080', 'http', false],
];

// Crockford base32, as v0.16 writes non-singleton ids.
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
export const newObjectId = () =>
  Array.from(randomBytes(8), b => CROCKFORD[b % 32])
    .join('')
    .replace(/^0+/, '') || '1';

/**
 * A v0.16 server: registry objects kept per type (singletons under the id
 * `singleton`), the recovery admin and API keys that may call it, and a count of the
 * `ReloadSettings` actions it has run.
 */
export class V016Server {
  readonly registry = new Map<string, Map<string, any>>();
  reloads = 0;

  constructor(readonly document: StalwartServerDocument) {
    for (const [type, value] of Object.entries(document.spec.registry ?? {})) {
      const objects = new Map<string, any>();
      if (REGISTRY_SCHEMA.objects[type]?.type === 'singleton')
        objects.set('singleton', structuredClone(value));
      else
        for (const [id, object] of Object.entries(value as Record<string, any>))
          objects.set(id, structuredClone(object));
      this.registry.set(type, objects);
    }
    if (document.spec.serverDefaults) this.insertServerDefaults();
  }

  // S crates/common/src/manager/defaults.rs: on start, defaults for types with zero objects.
  private insertServerDefaults() {
    if ((this.registry.get('x:NetworkListener')?.size ?? 0) === 0) {
      const listeners = new Map<string, any>();
      for (const [name, bind, protocol, tlsImplicit] of DEFAULT_LISTENERS) {
        listeners.set(newObjectId(), {
          name,
          bind: { [bind]: true },
          protocol,
          tlsImplicit,
        });
      }
      this.registry.set('x:NetworkListener', listeners);
    }
    if ((this.registry.get('x:MtaRoute')?.size ?? 0) === 0) {
      this.registry.set(
        'x:MtaRoute',
        new Map([
          [newObjectId(), { '@type': 'Mx', name: 'mx' }],
          [newObjectId(), { '@type': 'Local', name: 'local' }],
        ]),
      );
    }
  }

  objects(type: string): Map<string, any> {
    let objects = this.registry.get(type);
    if (!objects) this.registry.set(type, (objects = new Map()));
    return objects;
  }

  isSingleton(type: string): boolean {
    return REGISTRY_SCHEMA.objects[type]?.type === 'singleton';
  }

  /** A stored object, or for an unsaved singleton its defaults (indistinguishable, as in v0.16). */
  read(type: string, id: string): any | undefined {
    const stored = this.registry.get(type)?.get(id);
    if (stored) return structuredClone(stored);
    if (this.isSingleton(type) && id === 'singleton') {
      return structuredClone(fieldsOf(type, {})?.defaults ?? {});
    }
    return undefined;
  }

  authenticate(authorization: string | null): V016Caller | undefined {
    const [scheme, token] = (authorization ?? '').split(/\s+/, 2);
    if (!token) return undefined;
    if (/^basic$/i.test(scheme)) {
      const pair = Buffer.from(token, 'base64').toString('utf8');
      const admin = this.document.spec.recoveryAdmin;
      return admin && pair === admin
        ? { name: admin.split(':')[0], canWrite: true }
        : undefined;
    }
    if (/^bearer$/i.test(scheme) && isWellFormedApiKey(token)) {
      const key = this.document.spec.apiKeys?.find(k => k.token === token);
      return key
        ? { name: key.description ?? 'api-key', canWrite: !key.readOnly }
        : undefined;
    }
    return undefined;
  }
}

/** `API_<base64url(account u32 ‖ credential u32 ‖ 20-byte secret)>` (stalwart-v016.md §1). */
export function isWellFormedApiKey(token: string): boolean {
  return (
    token.startsWith('API_') &&
    Buffer.from(token.slice(4), 'base64url').length === 28
  );
}

/** Builds an API key in the v0.16 format, for scenarios and tests. */
export function encodeV016ApiKey(
  accountId: number,
  credentialId: number,
  secret: Buffer,
): string {
  const bytes = Buffer.alloc(28);
  bytes.writeUInt32BE(accountId, 0);
  bytes.writeUInt32BE(credentialId, 4);
  secret.copy(bytes, 8, 0, 20);
  return `API_${bytes.toString('base64url')}`;
}
