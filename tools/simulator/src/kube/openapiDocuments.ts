import { createHash } from 'node:crypto';
import { ResourceRegistry } from './ResourceRegistry';
import { kindSchema, schemaName } from './kindSchemas';
import { ResourceType, groupVersionOf } from './resourceTypes';

/** `api/v1` or `apis/<group>/<version>`: the key of a group-version in `/openapi/v3`. */
const apiPathOf = (group: string, version: string) =>
  group ? `apis/${group}/${version}` : `api/${version}`;

const queryParam = (name: string, description: string) => ({
  name,
  in: 'query',
  description,
  schema: { type: 'string', uniqueItems: true },
});

// kubectl sends `fieldValidation=Strict` only where the PATCH operation declares it.
const WRITE_PARAMS = [
  queryParam('dryRun', 'When present, modifications are not persisted.'),
  queryParam('fieldManager', 'The name of the actor making these changes.'),
  queryParam(
    'fieldValidation',
    'Ignore, Warn (default) or Strict: what to do with fields the schema does not declare.',
  ),
];

function operationsFor(type: ResourceType) {
  const gvk = { group: type.group, version: type.version, kind: type.kind };
  const ref = {
    content: {
      'application/json': {
        schema: { $ref: `#/components/schemas/${schemaName(type)}` },
      },
    },
  };
  const op = (action: string, params: unknown[] = []) => ({
    operationId: `${action}${type.kind}`,
    parameters: params,
    responses: { '200': { description: 'OK', ...ref } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  });
  const base = `/${apiPathOf(type.group, type.version)}${
    type.namespaced ? '/namespaces/{namespace}' : ''
  }/${type.plural}`;
  return {
    [base]: {
      get: op('list'),
      post: { ...op('post', WRITE_PARAMS), requestBody: ref },
    },
    [`${base}/{name}`]: {
      get: op('get'),
      put: { ...op('put', WRITE_PARAMS), requestBody: ref },
      patch: op('patch', [...WRITE_PARAMS, queryParam('force', 'Apply')]),
      delete: op('delete'),
    },
  };
}

/** The OpenAPI v3 document of one group-version, or undefined if none is served. */
export function openApiV3Document(
  registry: ResourceRegistry,
  group: string,
  version: string,
) {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  return {
    openapi: '3.0.0',
    info: {
      title: 'Kubernetes (simulated)',
      version: groupVersionOf({ group, version }),
    },
    paths: Object.assign({}, ...types.map(operationsFor)),
    components: {
      schemas: Object.fromEntries(
        types.map(t => [schemaName(t), kindSchema(t)]),
      ),
    },
  };
}

const hashOf = (document: unknown) =>
  createHash('sha512')
    .update(JSON.stringify(document))
    .digest('hex')
    .slice(0, 128)
    .toUpperCase();

/** `/openapi/v3`: every group-version with the URL (and content hash) of its document. */
// Server-relative as kube-apiserver writes it: client-go prefixes its own base path.
export function openApiV3Index(registry: ResourceRegistry) {
  const versions = new Map<string, ResourceType>();
  for (const type of registry.all())
    versions.set(apiPathOf(type.group, type.version), type);
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [key, type] of versions) {
    const document = openApiV3Document(registry, type.group, type.version);
    paths[key] = {
      serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(document)}`,
    };
  }
  return { paths };
}

/** `/openapi/v2` (JSON): one Swagger 2.0 document with every kind's definition. */
export function openApiV2Document(registry: ResourceRegistry) {
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes (simulated)', version: 'v2' },
    paths: {},
    definitions: Object.fromEntries(
      registry.all().map(t => [schemaName(t), kindSchema(t)]),
    ),
  };
}

/** The `(group, version)` a `/openapi/v3/<api path>` request names, if any. */
export function parseOpenApiV3Path(rest: string) {
  const core = /^api\/([^/]+)$/.exec(rest);
  if (core) return { group: '', version: core[1] };
  const named = /^apis\/([^/]+)\/([^/]+)$/.exec(rest);
  return named ? { group: named[1], version: named[2] } : undefined;
}
