/**
 * `metav1.Status` bodies, worded as kube-apiserver words them.
 */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}

export function kubeStatus(
  code: number,
  reason: string,
  message: string,
  details?: KubeStatus['details'],
): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

export function statusResponse(status: KubeStatus): Response {
  return new Response(JSON.stringify(status), {
    status: status.code,
    headers: { 'Content-Type': 'application/json' },
  });
}

const resourceLabel = (resource: string, group: string) =>
  group ? `${resource}.${group}` : resource;

export const notFound = (resource: string, group: string, name: string) =>
  kubeStatus(
    404,
    'NotFound',
    `${resourceLabel(resource, group)} "${name}" not found`,
    {
      name,
      group: group || undefined,
      kind: resource,
    },
  );

export const unauthorized = () =>
  kubeStatus(401, 'Unauthorized', 'Unauthorized');

export function forbidden(options: {
  user: string;
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
}): KubeStatus {
  const { user, verb, resource, group, namespace, name } = options;
  const target = name
    ? `${resourceLabel(resource, group)} "${name}"`
    : resourceLabel(resource, group);
  const scope = namespace
    ? `in the namespace "${namespace}"`
    : 'at the cluster scope';
  return kubeStatus(
    403,
    'Forbidden',
    `${target} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
    { name, group: group || undefined, kind: resource },
  );
}

export const tooOldResourceVersion = (requested: string, current: number) =>
  kubeStatus(
    410,
    'Expired',
    `too old resource version: ${requested} (${current})`,
  );

export const badRequest = (message: string) =>
  kubeStatus(400, 'BadRequest', message);

export const conflict = (resource: string, group: string, name: string) =>
  kubeStatus(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resourceLabel(
      resource,
      group,
    )} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: group || undefined, kind: resource },
  );

export const alreadyExists = (resource: string, group: string, name: string) =>
  kubeStatus(
    409,
    'AlreadyExists',
    `${resourceLabel(resource, group)} "${name}" already exists`,
    {
      name,
      group: group || undefined,
      kind: resource,
    },
  );

export const serviceUnavailable = (message: string) =>
  kubeStatus(503, 'ServiceUnavailable', message);

export const internalError = (message: string) =>
  kubeStatus(500, 'InternalError', `Internal error occurred: ${message}`);
