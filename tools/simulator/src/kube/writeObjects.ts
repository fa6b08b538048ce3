import { SimulatedCluster } from './SimulatedCluster';
import { ResourceType } from './resourceTypes';
import { applyPatch } from './patch';
import {
  KubeStatus,
  alreadyExists,
  badRequest,
  conflict,
  kubeStatus,
  notFound,
} from './status';

type WriteResult = { object: any; code: number } | { status: KubeStatus };

interface Target {
  type: ResourceType;
  namespace?: string;
  name: string;
  subresource?: string;
}

const specOf = (o: any) => JSON.stringify(o?.spec);

/** Stores the next version of an object: generation follows spec, status subresource only status. */
function commit(
  cluster: SimulatedCluster,
  target: Target,
  existing: any,
  next: any,
): WriteResult {
  if (next.metadata?.name !== existing.metadata.name) {
    return {
      status: badRequest(
        'metadata.name: Invalid value: the name of the object does not match the name on the URL',
      ),
    };
  }
  const sent = next.metadata?.resourceVersion;
  if (sent && sent !== existing.metadata.resourceVersion) {
    return {
      status: conflict(target.type.plural, target.type.group, target.name),
    };
  }
  let stored = next;
  if (target.subresource === 'status') {
    stored = { ...existing, status: next.status };
  } else if (target.type.subresources?.includes('status')) {
    stored = { ...next, status: existing.status };
  }
  stored.metadata = {
    ...stored.metadata,
    uid: existing.metadata.uid,
    creationTimestamp: existing.metadata.creationTimestamp,
    namespace: existing.metadata.namespace,
  };
  if (existing.metadata.generation !== undefined) {
    stored.metadata.generation =
      existing.metadata.generation +
      (specOf(existing) !== specOf(stored) ? 1 : 0);
  }
  return { object: cluster.store.update(target.type, stored), code: 200 };
}

export function patchObject(
  cluster: SimulatedCluster,
  target: Target,
  contentType: string,
  body: any,
): WriteResult {
  const existing = cluster.store.get(
    target.type,
    target.namespace,
    target.name,
  );
  if (!existing)
    return {
      status: notFound(target.type.plural, target.type.group, target.name),
    };
  let next;
  try {
    next = applyPatch(existing, contentType, body);
  } catch (error) {
    const unsupported = String((error as Error).message).startsWith(
      'unsupported patch content type',
    );
    return {
      status: unsupported
        ? kubeStatus(
            415,
            'UnsupportedMediaType',
            `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`,
          )
        : kubeStatus(422, 'Invalid', (error as Error).message),
    };
  }
  return commit(cluster, target, existing, next);
}

export function replaceObject(
  cluster: SimulatedCluster,
  target: Target,
  body: any,
): WriteResult {
  const existing = cluster.store.get(
    target.type,
    target.namespace,
    target.name,
  );
  if (!existing)
    return {
      status: notFound(target.type.plural, target.type.group, target.name),
    };
  return commit(cluster, target, existing, body);
}

export function createObject(
  cluster: SimulatedCluster,
  type: ResourceType,
  namespace: string | undefined,
  body: any,
): WriteResult {
  const name = body?.metadata?.name;
  if (!name)
    return {
      status: kubeStatus(
        422,
        'Invalid',
        'metadata.name: Required value: name is required',
      ),
    };
  if (cluster.store.get(type, namespace, name)) {
    return { status: alreadyExists(type.plural, type.group, name) };
  }
  const object = { ...body, metadata: { ...body.metadata, namespace } };
  delete object.metadata.resourceVersion;
  return { object: cluster.store.create(type, object), code: 201 };
}

export function deleteObject(
  cluster: SimulatedCluster,
  target: Target,
): WriteResult {
  const deleted = cluster.store.delete(
    target.type,
    target.namespace,
    target.name,
  );
  if (!deleted)
    return {
      status: notFound(target.type.plural, target.type.group, target.name),
    };
  return { object: deleted, code: 200 };
}
