import { canonicalJson } from './canonical';
import { completeObject } from './schemaDefaults';
import type { RegistrySchemaV016 } from './types';

// Objects a v0.16 server creates on start for types that have none (docs/stalwart-api-facts.md
// "Server defaults", S v0.16.18 crates/common/src/manager/defaults.rs). They carry no marker, so
// an undeclared object is server-made only when it is exactly what defaults.rs writes.
const LISTENERS: Array<[string, string, number, boolean]> = [
  ['smtp', 'smtp', 25, false],
  ['smtp', 'submissions', 465, true],
  ['imap', 'imaps', 993, true],
  ['pop3', 'pop3s', 995, true],
  ['manageSieve', 'sieve', 4190, false],
  ['http', 'https', 443, true],
  ['http', 'http', 8080, false],
];

/**
 * What defaults.rs writes, per type (the rest of each object is the type's Default).
 *
 * @public
 */
export const SERVER_DEFAULT_OBJECTS: Record<
  string,
  ReadonlyArray<Record<string, unknown>>
> = {
  'x:NetworkListener': LISTENERS.map(([protocol, name, port, tlsImplicit]) => ({
    bind: { [`[::]:${port}`]: true },
    name,
    protocol,
    useTls: true,
    tlsImplicit,
  })),
  'x:MtaRoute': [
    {
      '@type': 'Mx',
      description: 'MX delivery route',
      ipLookupStrategy: 'v4ThenV6',
      maxMultihomed: 2,
      maxMxHosts: 2,
      name: 'mx',
    },
    { '@type': 'Local', description: 'Local delivery route', name: 'local' },
  ],
  'x:MtaTlsStrategy': [
    {
      name: 'invalid-tls',
      description: 'Allow invalid TLS certificates',
      allowInvalidCerts: true,
    },
    {
      name: 'default',
      description: 'Default TLS settings',
      allowInvalidCerts: false,
    },
  ],
};

const known = new WeakMap<RegistrySchemaV016, Map<string, Set<string>>>();

function defaultsOf(schema: RegistrySchemaV016, type: string): Set<string> {
  let byType = known.get(schema);
  if (!byType) known.set(schema, (byType = new Map()));
  let jsons = byType.get(type);
  if (!jsons) {
    jsons = new Set(
      (SERVER_DEFAULT_OBJECTS[type] ?? []).map(
        o => canonicalJson(completeObject(schema, type, o))!,
      ),
    );
    byType.set(type, jsons);
  }
  return jsons;
}

/**
 * Whether an undeclared live object is, field for field, one the server created itself.
 *
 * @public
 */
export function isServerDefaultObject(
  schema: RegistrySchemaV016,
  type: string,
  object: Record<string, unknown>,
): boolean {
  const defaults = defaultsOf(schema, type);
  if (!defaults.size) return false;
  const { id, ...fields } = object;
  return defaults.has(canonicalJson(completeObject(schema, type, fields))!);
}
