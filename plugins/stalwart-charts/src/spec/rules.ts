/** DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric. */
export const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** DNS-1123 subdomain (Kubernetes object names), at most 253 characters. */
export function isDnsSubdomain(value: string): boolean {
  return (
    value.length <= 253 &&
    value.split('.').every(label => label.length <= 63 && DNS_LABEL.test(label))
  );
}

/**
 * A fully qualified, lower-case ASCII host name with at least two labels. ASCII only on
 * purpose: Unicode look-alikes would certify and route a different name than the one reviewed.
 */
export function isFqdn(value: string): boolean {
  const labels = value.split('.');
  return (
    value.length <= 253 &&
    labels.length >= 2 &&
    labels.every(label => label.length <= 63 && DNS_LABEL.test(label)) &&
    /[a-z]/.test(labels[labels.length - 1])
  );
}

function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length === 4 &&
    parts.every(p => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)
  );
}

function isIPv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || value.split('::').length > 2)
    return false;
  const [head, tail] = value.includes('::')
    ? value.split('::')
    : [value, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const all = [...groups(head), ...groups(tail)];
  const last = all[all.length - 1];
  const embeddedV4 = last !== undefined && last.includes('.');
  if (embeddedV4 && !isIPv4(last)) return false;
  const hexGroups = embeddedV4 ? all.slice(0, -1) : all;
  if (!hexGroups.every(g => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (embeddedV4 ? 2 : 0);
  return tail === undefined ? width === 8 : width < 8;
}

/** An IPv4 or IPv6 address. */
export function isIpAddress(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/** An IPv4 or IPv6 network in CIDR notation (`10.0.0.0/8`, `fd00::/8`). */
export function isCidr(value: string): boolean {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!match) return false;
  const [, address, prefix] = match;
  if (isIPv4(address)) return Number(prefix) <= 32;
  return isIPv6(address) && Number(prefix) <= 128;
}

/** A Kubernetes resource quantity such as `500m`, `2`, `1.5Gi`, `20Gi`. */
export const QUANTITY =
  /^([0-9]+(\.[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** A persistent volume size in binary units, as the v0.16 charts' schemas accept. */
export const STORAGE_SIZE = /^[1-9][0-9]{0,5}(Mi|Gi|Ti)$/;

/** A Go duration as Flux and Stalwart accept it (`30m`, `1h`, `1h30m`, `500ms`). */
export const DURATION = /^([0-9]+(ms|s|m|h))+$/;

/**
 * A relative POSIX path inside a repository: segments of safe characters, no `.`/`..`
 * segments, no leading slash, no backslash, no empty segment.
 */
export function isRelativeRepoPath(value: string): boolean {
  if (value.length === 0 || value.length > 200) return false;
  return value
    .split('/')
    .every(
      seg =>
        /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(seg) &&
        seg !== '..' &&
        seg !== '.',
    );
}

/** An absolute http(s) URL without credentials, query or fragment. */
export function isPlainUrl(value: string, schemes: string[]): boolean {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#@\s]+)(\/[^?#\s]*)?$/.exec(
    value,
  );
  if (!match || !schemes.includes(match[1])) return false;
  const hostPort = match[2];
  const host = hostPort.replace(/:(\d{1,5})$/, '');
  const port = hostPort.slice(host.length + 1);
  if (port && (Number(port) < 1 || Number(port) > 65535)) return false;
  return (
    isFqdn(host) ||
    DNS_LABEL.test(host) ||
    isIpAddress(host.replace(/^\[|\]$/g, ''))
  );
}

/** A Kubernetes qualified name for annotation keys (`example.com/some-key`). */
export function isAnnotationKey(value: string): boolean {
  const [prefix, name] = value.includes('/')
    ? value.split(/\/(.*)/s)
    : [undefined, value];
  if (prefix !== undefined && !isDnsSubdomain(prefix)) return false;
  return (
    name !== undefined &&
    name.length <= 63 &&
    /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name)
  );
}
