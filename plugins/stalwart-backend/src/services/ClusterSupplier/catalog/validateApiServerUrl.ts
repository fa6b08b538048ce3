import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * The core Kubernetes plugin's catalog locator rules for an API server URL taken from a
 * catalog entity (anyone who can register an entity can write one): http(s), no credentials
 * in it, and unless its host is listed in `dangerouslyAllowClusterUrls`, https to a public
 * address only. Answers why the URL is refused, or undefined.
 */
export async function apiServerUrlProblem(
  apiServerUrl: string,
  dangerouslyAllowClusterUrls: string[],
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(apiServerUrl);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'must use the HTTP or HTTPS scheme';
  if (url.username || url.password) return 'must not contain credentials';
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (dangerouslyAllowClusterUrls.some(p => hostMatches(hostname, p)))
    return undefined;
  if (url.protocol !== 'https:')
    return 'must use the HTTPS scheme (or its host be listed in dangerouslyAllowClusterUrls)';
  if (ipaddr.isValid(hostname)) {
    return isPublic(hostname)
      ? undefined
      : 'must not use a non-public IP address';
  }
  try {
    const addresses = await lookup(hostname, { all: true });
    if (addresses.some(a => !isPublic(a.address)))
      return `has host "${hostname}", which resolves to a non-public address`;
  } catch (error) {
    return `has host "${hostname}", which does not resolve: ${
      error instanceof Error ? error.message : error
    }`;
  }
  return undefined;
}

function hostMatches(hostname: string, pattern: string): boolean {
  const normalized = pattern.toLowerCase();
  if (normalized.startsWith('*.')) {
    return (
      hostname.endsWith(normalized.slice(1)) || hostname === normalized.slice(2)
    );
  }
  return hostname === normalized;
}

function isPublic(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}
