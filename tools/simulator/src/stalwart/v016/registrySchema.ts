import { createHash } from 'node:crypto';
import { schemaHashPrefixFor } from '@stalwart-backstage/plugin-stalwart-common';

// A subset of the v0.16 registry schema in the shape GET /api/schema serves
// (../shared/docs/stalwart-v016.md §1 "Schema": fields[T] with type, format and update,
// plus defaults; lists[T].labelProperty). Written for the types the drift view reads.

const str = (update = 'mutable') => ({
  type: { type: 'string', format: 'string' },
  update,
});
const num = (format = 'unsignedInteger', update = 'mutable') => ({
  type: { type: 'number', format },
  update,
});
const bool = () => ({ type: { type: 'boolean' }, update: 'mutable' });
const set = (format = 'string') => ({
  type: { type: 'set', class: { type: 'string', format } },
  update: 'mutable',
});
const secretRef = () => ({
  type: { type: 'object', objectName: 'x:SecretKeyOptional' },
  update: 'mutable',
});
const expression = () => ({
  type: { type: 'object', objectName: 'x:Expression' },
  update: 'mutable',
});

export const REGISTRY_SCHEMA = {
  objects: {
    'x:SystemSettings': {
      type: 'singleton',
      permissionPrefix: 'sysSystemSettings',
    },
    'x:Authentication': {
      type: 'singleton',
      permissionPrefix: 'sysAuthentication',
    },
    'x:DataStore': { type: 'singleton', permissionPrefix: 'sysDataStore' },
    'x:MtaOutboundStrategy': {
      type: 'singleton',
      permissionPrefix: 'sysMtaOutboundStrategy',
    },
    'x:Metrics': { type: 'singleton', permissionPrefix: 'sysMetrics' },
    'x:NetworkListener': {
      type: 'object',
      permissionPrefix: 'sysNetworkListener',
    },
    'x:MtaRoute': { type: 'object', permissionPrefix: 'sysMtaRoute' },
    'x:Certificate': { type: 'object', permissionPrefix: 'sysCertificate' },
    'x:ApiKey': { type: 'object', permissionPrefix: 'sysApiKey' },
    'x:Action': { type: 'object', permissionPrefix: 'sysAction' },
  } as Record<
    string,
    { type: 'singleton' | 'object'; permissionPrefix: string }
  >,
  schemas: {
    'x:DataStore': {
      type: 'multiple',
      variants: [
        { name: 'RocksDb', schemaName: 'x:RocksDbStore' },
        { name: 'PostgreSql', schemaName: 'x:PostgreSqlStore' },
      ],
    },
    'x:MtaRoute': {
      type: 'multiple',
      variants: [
        { name: 'Mx', schemaName: 'x:MtaRouteMx' },
        { name: 'Relay', schemaName: 'x:MtaRouteRelay' },
        { name: 'Local', schemaName: 'x:MtaRouteCommon' },
      ],
    },
  } as Record<
    string,
    { type: 'multiple'; variants: Array<{ name: string; schemaName: string }> }
  >,
  fields: {
    'x:SystemSettings': {
      properties: {
        defaultHostname: str(),
        maxConnections: num(),
        proxyTrustedNetworks: set('ipNetwork'),
        services: { type: { type: 'map' }, update: 'mutable' },
        defaultCertificateId: {
          type: {
            type: 'objectId',
            objectName: 'x:Certificate',
            nullable: true,
          },
          update: 'mutable',
        },
      },
      defaults: {
        maxConnections: 8192,
        services: { imap: { cleartext: false }, smtp: { cleartext: false } },
      },
    },
    'x:Authentication': {
      properties: {
        passwordHashAlgorithm: str(),
        passwordMinLength: num(),
        maxApiKeys: num(),
      },
      defaults: {
        maxApiKeys: 5,
        passwordHashAlgorithm: 'argon2id',
        passwordMinLength: 8,
      },
    },
    'x:RocksDbStore': {
      properties: { path: str(), cacheSize: num('size') },
      defaults: { cacheSize: 134217728 },
    },
    'x:PostgreSqlStore': {
      properties: {
        host: str(),
        port: num(),
        database: str(),
        authUsername: str(),
        authSecret: secretRef(),
        useTls: bool(),
      },
      defaults: { port: 5432, database: 'stalwart', authUsername: 'stalwart' },
    },
    'x:MtaOutboundStrategy': {
      properties: {
        route: expression(),
        schedule: expression(),
        tls: expression(),
        connection: expression(),
      },
      defaults: {
        route: {
          else: "'mx'",
          match: [{ if: 'is_local_domain(rcpt_domain)', then: "'local'" }],
        },
      },
    },
    'x:Metrics': {
      properties: {
        prometheus: {
          type: { type: 'object', objectName: 'x:MetricsPrometheus' },
          update: 'mutable',
        },
      },
      defaults: { prometheus: { '@type': 'Disabled' } },
    },
    'x:NetworkListener': {
      properties: {
        name: str('immutable'),
        bind: set('socketAddress'),
        protocol: str(),
        tlsImplicit: bool(),
        useTls: bool(),
        overrideProxyTrustedNetworks: set('ipNetwork'),
      },
      defaults: { protocol: 'smtp', useTls: true },
    },
    'x:MtaRouteRelay': {
      properties: {
        name: str('immutable'),
        description: str(),
        address: str(),
        port: num(),
        protocol: str(),
        implicitTls: bool(),
        authUsername: str(),
        authSecret: secretRef(),
      },
      defaults: { port: 25, protocol: 'smtp' },
    },
    'x:MtaRouteMx': {
      properties: {
        name: str('immutable'),
        description: str(),
        maxMxHosts: num(),
      },
      defaults: { maxMxHosts: 5 },
    },
    'x:MtaRouteCommon': {
      properties: { name: str('immutable'), description: str() },
    },
    'x:Certificate': {
      properties: {
        certificate: {
          type: { type: 'object', objectName: 'x:PublicText' },
          update: 'mutable',
        },
        privateKey: {
          type: { type: 'object', objectName: 'x:SecretText' },
          update: 'mutable',
        },
        notValidAfter: { type: { type: 'utcDateTime' }, update: 'serverSet' },
        subjectAlternativeNames: {
          type: { type: 'set', class: { type: 'string' } },
          update: 'serverSet',
        },
      },
    },
    'x:ApiKey': {
      properties: {
        description: str(),
        secret: {
          type: { type: 'string', format: 'secret' },
          update: 'serverSet',
        },
        createdAt: { type: { type: 'utcDateTime' }, update: 'serverSet' },
      },
    },
  } as Record<
    string,
    {
      properties: Record<string, { type: any; update: string }>;
      defaults?: Record<string, unknown>;
    }
  >,
  lists: {
    'x:NetworkListener': { labelProperty: 'name' },
    'x:MtaRoute': { labelProperty: 'name' },
    'x:ApiKey': { labelProperty: 'description' },
  } as Record<string, { labelProperty: string }>,
};

/** The `/api/schema/<hash>` a server of this version redirects to: the real prefix, our digest after it. */
export function schemaHashFor(version: string): string {
  const prefix = schemaHashPrefixFor(version) ?? 'AAAA';
  const digest = createHash('sha256')
    .update(JSON.stringify(REGISTRY_SCHEMA))
    .digest('base64url');
  return prefix + digest.slice(4);
}

/** The field definitions for an object (its variant's, for multi-variant types). */
export function fieldsOf(type: string, object?: any) {
  const variants = REGISTRY_SCHEMA.schemas[type];
  const schemaName = variants
    ? variants.variants.find(v => v.name === object?.['@type'])?.schemaName
    : type;
  return schemaName ? REGISTRY_SCHEMA.fields[schemaName] : undefined;
}
