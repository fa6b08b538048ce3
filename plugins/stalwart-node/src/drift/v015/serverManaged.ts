// What a v0.15 server writes into its own settings database (stalwart-v015.md §2.7; S
// crates/common/src/manager/boot.rs DEFAULT_SETTINGS): oauth.key, the downloaded spam-filter
// rules, and the queue defaults. Queue defaults are matched by their ids, not the whole
// `queue.*` prefix: a relay route the operator added (`queue.route.resend.*`, seed 003) is theirs.
const SERVER_KEYS = new Set([
  'oauth.key',
  'version.spam-filter',
  'report.analysis.addresses',
]);
const SERVER_PREFIXES = [
  'spam-filter.',
  'http-lookup.',
  'lookup.',
  'asn.',
  'queue.quota.size.',
  'queue.limiter.inbound.ip.',
  'queue.limiter.inbound.sender.',
  'queue.virtual.local.',
  'queue.virtual.remote.',
  'queue.virtual.dsn.',
  'queue.virtual.report.',
  'queue.schedule.local.',
  'queue.schedule.remote.',
  'queue.schedule.dsn.',
  'queue.schedule.report.',
  'queue.tls.invalid-tls.',
  'queue.tls.default.',
  'queue.route.local.',
  'queue.route.mx.',
  'queue.connection.default.',
];

/**
 * Whether a database key is one the server inserts itself.
 *
 * @public
 */
export function isServerManagedKeyV015(key: string): boolean {
  if (SERVER_KEYS.has(key)) return true;
  for (const prefix of SERVER_PREFIXES) if (key.startsWith(prefix)) return true;
  return false;
}
