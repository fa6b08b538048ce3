import { randomBytes } from 'node:crypto';

// A representative part of what a v0.15 server writes into its database on first boot
// (../shared/docs/stalwart-v015.md §2.7; S crates/common/src/manager/boot.rs DEFAULT_SETTINGS):
// the queue defaults with the server's single-digit indices, and a downloaded spam-filter set.
const DEFAULT_SETTINGS: Record<string, string> = {
  'queue.quota.size.messages': '100000',
  'queue.quota.size.size': '10737418240',
  'queue.quota.size.enable': 'true',
  'queue.limiter.inbound.ip.key': 'remote_ip',
  'queue.limiter.inbound.ip.rate': '5/1s',
  'queue.limiter.inbound.ip.enable': 'true',
  'queue.limiter.inbound.sender.key.0': 'sender_domain',
  'queue.limiter.inbound.sender.key.1': 'rcpt',
  'queue.limiter.inbound.sender.rate': '25/1h',
  'queue.limiter.inbound.sender.enable': 'true',
  'report.analysis.addresses': 'postmaster@*',
  'queue.virtual.local.threads-per-node': '25',
  'queue.virtual.remote.threads-per-node': '50',
  'queue.schedule.remote.queue-name': 'remote',
  'queue.schedule.remote.retry.0': '2m',
  'queue.schedule.remote.retry.1': '5m',
  'queue.schedule.remote.expire': '3d',
};

const SPAM_FILTER_RULES: Record<string, string> = {
  'version.spam-filter': '2.0.3',
  'spam-filter.rule.stwt_arc_signed.enable': 'true',
  'spam-filter.rule.stwt_arc_signed.scope': 'header',
  'spam-filter.rule.stwt_arc_signed.priority': '100',
  'spam-filter.dnsbl.server.stwt_spamhaus_zen.enable': 'true',
  'spam-filter.dnsbl.server.stwt_spamhaus_zen.zone':
    "ip_reverse + '.zen.spamhaus.org'",
  'http-lookup.stwt_disposable.enable': 'true',
  'http-lookup.stwt_disposable.format': 'list',
  'lookup.spam-traps.0': 'spamtrap@*',
};

/** The keys a fresh server adds to an empty settings database. */
export function serverInsertedKeys(
  database: Map<string, string>,
): Record<string, string> {
  const inserted: Record<string, string> = {};
  if (!database.has('oauth.key')) {
    inserted['oauth.key'] = randomBytes(48).toString('base64url').slice(0, 64);
  }
  if (!database.has('version.spam-filter')) {
    Object.assign(inserted, SPAM_FILTER_RULES, DEFAULT_SETTINGS);
  }
  return inserted;
}
