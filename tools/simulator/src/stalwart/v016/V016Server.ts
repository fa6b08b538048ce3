import { randomBytes } from 'node:crypto';
import {
  completeObject,
  SERVER_DEFAULT_OBJECTS,
} from '@stalwart-backstage/plugin-stalwart-node';
import { StalwartServerDocument } from '../types';
import { REGISTRY_SCHEMA } from './registrySchema';

/** Who a v0.16 request authenticated as. */
export interface V016Caller {
  name: string;
  canWrite: boolean;
}

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

  // S v0.16.18 crates/common/src/manager/defaults.rs: on start, objects for the types that have
  // none, stored whole (every property: what they set, the rest Default), with no marker.
  private insertServerDefaults() {
    const insert = (type: string, objects: Array<Record<string, unknown>>) => {
      if ((this.registry.get(type)?.size ?? 0) > 0) return;
      this.registry.set(
        type,
        new Map(
          objects.map(o => [
            newObjectId(),
            completeObject(REGISTRY_SCHEMA, type, o),
          ]),
        ),
      );
    };
    for (const [type, objects] of Object.entries(SERVER_DEFAULT_OBJECTS))
      insert(type, [...objects]);
  }

  objects(type: string): Map<string, any> {
    let objects = this.registry.get(type);
    if (!objects) this.registry.set(type, (objects = new Map()));
    return objects;
  }

  isSingleton(type: string): boolean {
    return REGISTRY_SCHEMA.objects[type]?.type === 'singleton';
  }

  /**
   * An object as `x:<Type>/get` returns it (S v0.16.18 crates/jmap/src/registry/get.rs): whole,
   * every property stored or defaulted; an unsaved singleton is `Object::from(type)`, all defaults.
   */
  read(type: string, id: string): any | undefined {
    const stored = this.registry.get(type)?.get(id);
    if (stored)
      return completeObject(REGISTRY_SCHEMA, type, structuredClone(stored));
    if (this.isSingleton(type) && id === 'singleton')
      return completeObject(REGISTRY_SCHEMA, type, {});
    return undefined;
  }

  /** The object as stored (what the registry holds, before defaults fill the rest). */
  stored(type: string, id: string): any | undefined {
    const stored = this.registry.get(type)?.get(id);
    return stored ? structuredClone(stored) : undefined;
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
