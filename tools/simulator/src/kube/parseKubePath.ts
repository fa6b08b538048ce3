/** What a request path under a cluster's root addresses. */
export type KubePath =
  | { type: 'version' }
  | { type: 'coreVersions' }
  | { type: 'groupList' }
  | { type: 'group'; group: string }
  | { type: 'resourceList'; group: string; version: string }
  | {
      type: 'resource';
      group: string;
      version: string;
      namespace?: string;
      plural: string;
      name?: string;
      subresource?: string;
      /** For `…/proxy/<rest>`: the path after `proxy`, with its leading slash. */
      proxyPath?: string;
    }
  | { type: 'unknown' };

/**
 * Parses a Kubernetes REST path; `isNamespaced(group, version, plural)` tells
 * `namespaces/<ns>/<plural>` apart from a subresource of a Namespace object.
 */
export function parseKubePath(
  pathname: string,
  isNamespaced: (group: string, version: string, plural: string) => boolean,
): KubePath {
  // Raw segments keep their encoding for the proxied path (`%2F` in a settings key).
  const raw = pathname.split('/').slice(1);
  const decoded = raw.map(decodeURIComponent);
  const parts =
    decoded[decoded.length - 1] === '' ? decoded.slice(0, -1) : decoded;
  if (parts.length === 1 && parts[0] === 'version') return { type: 'version' };

  let group: string;
  let version: string;
  let rest: string[];
  let offset: number;
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'coreVersions' };
    [group, version, rest] = ['', parts[1], parts.slice(2)];
    offset = 2;
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'groupList' };
    if (parts.length === 2) return { type: 'group', group: parts[1] };
    [group, version, rest] = [parts[1], parts[2], parts.slice(3)];
    offset = 3;
  } else {
    return { type: 'unknown' };
  }
  if (rest.length === 0) return { type: 'resourceList', group, version };

  let namespace: string | undefined;
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    isNamespaced(group, version, rest[2])
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
    offset += 2;
  }
  const [plural, name, subresource] = rest;
  const proxyPath =
    subresource === 'proxy' ? `/${raw.slice(offset + 3).join('/')}` : undefined;
  return {
    type: 'resource',
    group,
    version,
    namespace,
    plural,
    name,
    subresource,
    proxyPath,
  };
}

/** Whether a request asks for a watch, as kube-apiserver reads the `watch` parameter. */
export function isWatchRequest(params: URLSearchParams): boolean {
  const watch = params.get('watch');
  return watch === 'true' || watch === '1';
}
