import { SimulatedCluster } from './SimulatedCluster';
import { ResourceType, groupVersionOf } from './resourceTypes';
import { ObjectPredicate } from './selectors';
import { KubeStatus, kubeStatus } from './status';

interface ContinueToken {
  rv: number;
  after: string;
}

const encodeContinue = (token: ContinueToken) =>
  Buffer.from(JSON.stringify(token)).toString('base64url');

function decodeContinue(value: string): ContinueToken | undefined {
  try {
    const token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return typeof token.rv === 'number' && typeof token.after === 'string'
      ? token
      : undefined;
  } catch {
    return undefined;
  }
}

const positionOf = (o: any) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * Built-in kinds come back from a real apiserver's JSON lists without `kind` and
 * `apiVersion` on each item; custom resources keep them.
 */
export function asListItem(type: ResourceType, object: any): any {
  if (!type.builtin) return object;
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return rest;
}

/** A `<Kind>List`, paged with `limit` and `continue`, or the Status to answer instead. */
export function listObjects(
  cluster: SimulatedCluster,
  type: ResourceType,
  options: {
    namespace?: string;
    predicate: ObjectPredicate;
    limit?: number;
    continueToken?: string | null;
  },
): { list: any } | { status: KubeStatus } {
  let after = '';
  let rv = cluster.store.resourceVersion;
  if (options.continueToken) {
    const token = decodeContinue(options.continueToken);
    if (!token)
      return {
        status: kubeStatus(400, 'BadRequest', 'continue key is not valid'),
      };
    if (token.rv < cluster.store.compactedResourceVersion) {
      return {
        status: kubeStatus(
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        ),
      };
    }
    after = token.after;
    rv = token.rv;
  }

  const matching = cluster.store.list(
    type,
    options.namespace,
    o => options.predicate(o) && positionOf(o) > after,
  );
  const page =
    options.limit && options.limit > 0
      ? matching.slice(0, options.limit)
      : matching;
  const remaining = matching.length - page.length;
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (remaining > 0) {
    metadata.continue = encodeContinue({
      rv,
      after: positionOf(page[page.length - 1]),
    });
    metadata.remainingItemCount = remaining;
  }
  return {
    list: {
      kind: `${type.kind}List`,
      apiVersion: groupVersionOf(type),
      metadata,
      items: page.map(o => asListItem(type, o)),
    },
  };
}
