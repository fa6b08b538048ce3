import { SimulatedCluster, ClusterUser } from './SimulatedCluster';
import {
  coreVersionsResponse,
  groupListResponse,
  groupResponse,
  resourceListResponse,
  versionResponse,
} from './discovery';
import { isWatchRequest, parseKubePath } from './parseKubePath';
import { listObjects } from './listObjects';
import { watchObjects } from './watchObjects';
import {
  createObject,
  deleteObject,
  patchObject,
  replaceObject,
} from './writeObjects';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { serveOpenApi } from './serveOpenApi';
import { validateFields } from './fieldValidation';
import {
  PodBackendResolver,
  forwardToPod,
  resolvePodTarget,
  resolveServiceTarget,
} from './proxyToPod';
import {
  KubeStatus,
  badRequest,
  forbidden,
  kubeStatus,
  notFound,
  statusResponse,
  unauthorized,
} from './status';

export interface KubeRequestContext {
  cluster: SimulatedCluster;
  request: Request;
  /** The path inside the cluster's root, starting with `/`. */
  pathname: string;
  /** The cluster root as the client sees it (`''` or `/clusters/<name>`). */
  basePath: string;
  resolveBackend: PodBackendResolver;
  bookmarkIntervalMs: number;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const VERB_BY_METHOD: Record<string, string> = {
  GET: 'get',
  HEAD: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

const pageNotFound = () =>
  kubeStatus(
    404,
    'NotFound',
    'the server could not find the requested resource',
  );

async function readJson(request: Request): Promise<any> {
  const text = await request.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

async function handleResource(
  ctx: KubeRequestContext,
  user: ClusterUser,
  path: Extract<ReturnType<typeof parseKubePath>, { type: 'resource' }>,
): Promise<Response> {
  const { cluster, request } = ctx;
  const type = cluster.registry.find(path.group, path.version, path.plural);
  if (!type) return statusResponse(pageNotFound());
  const url = new URL(request.url);
  const params = url.searchParams;
  const isWatch = isWatchRequest(params);
  const baseVerb = VERB_BY_METHOD[request.method] ?? 'get';
  let verb = baseVerb;
  if (request.method === 'GET' && !path.name) verb = isWatch ? 'watch' : 'list';
  if (!cluster.isAllowed(user, verb, type, path.namespace, path.subresource)) {
    return statusResponse(
      forbidden({
        user: user.name,
        verb,
        resource: path.subresource
          ? `${type.plural}/${path.subresource}`
          : type.plural,
        group: type.group,
        namespace: path.namespace,
        name: path.name,
      }),
    );
  }

  if (path.subresource === 'proxy' && path.name && path.namespace) {
    const resolved =
      type.plural === 'services'
        ? resolveServiceTarget(cluster, path.namespace, path.name)
        : resolvePodTarget(cluster, path.namespace, path.name);
    if ('status' in resolved) return statusResponse(resolved.status);
    const proxyBase = `${ctx.basePath}/api/v1/namespaces/${path.namespace}/${type.plural}/${path.name}/proxy`;
    const result = await forwardToPod({
      cluster,
      target: resolved,
      request,
      proxyPath: path.proxyPath ?? '/',
      proxyBase,
      resolveBackend: ctx.resolveBackend,
    });
    return result instanceof Response ? result : statusResponse(result.status);
  }
  if (path.subresource && path.subresource !== 'status')
    return statusResponse(pageNotFound());

  const target = {
    type,
    namespace: path.namespace,
    name: path.name ?? '',
    subresource: path.subresource,
  };
  let warnings: string[] = [];
  const respond = (result: { object: any; code: number } | { status: any }) => {
    if ('status' in result) return statusResponse(result.status);
    const response = json(result.object, result.code);
    for (const warning of warnings)
      response.headers.append('Warning', `299 - ${JSON.stringify(warning)}`);
    return response;
  };
  const contentType = request.headers.get('content-type') ?? '';
  const readValidated = async (): Promise<
    { status: KubeStatus } | { body: any }
  > => {
    const body = await readJson(request);
    const outcome = validateFields(
      type,
      body,
      params.get('fieldValidation'),
      contentType,
    );
    if ('status' in outcome) return { status: outcome.status };
    warnings = outcome.warnings;
    return { body };
  };

  switch (request.method) {
    case 'GET': {
      if (path.name && !isWatch) {
        const object = cluster.store.get(type, path.namespace, path.name);
        return object
          ? json(object)
          : statusResponse(notFound(type.plural, type.group, path.name));
      }
      let predicate;
      try {
        const labels = parseLabelSelector(params.get('labelSelector'));
        const fields = parseFieldSelector(
          path.name
            ? `metadata.name=${path.name}`
            : params.get('fieldSelector'),
        );
        predicate = (o: any) => labels(o) && fields(o);
      } catch (error) {
        return statusResponse(badRequest((error as Error).message));
      }
      if (isWatch) {
        return watchObjects(cluster, type, {
          namespace: path.namespace,
          predicate,
          resourceVersion: params.get('resourceVersion'),
          allowBookmarks: params.get('allowWatchBookmarks') === 'true',
          sendInitialEvents: params.get('sendInitialEvents') === 'true',
          timeoutSeconds: Number(params.get('timeoutSeconds')) || undefined,
          bookmarkIntervalMs: ctx.bookmarkIntervalMs,
        });
      }
      const listed = listObjects(cluster, type, {
        namespace: path.namespace,
        predicate,
        limit: Number(params.get('limit')) || undefined,
        continueToken: params.get('continue'),
      });
      return 'status' in listed
        ? statusResponse(listed.status)
        : json(listed.list);
    }
    case 'PATCH': {
      const sent = await readValidated();
      if ('status' in sent) return statusResponse(sent.status);
      return respond(patchObject(cluster, target, contentType, sent.body));
    }
    case 'PUT': {
      const sent = await readValidated();
      if ('status' in sent) return statusResponse(sent.status);
      return respond(replaceObject(cluster, target, sent.body));
    }
    case 'POST': {
      const sent = await readValidated();
      if ('status' in sent) return statusResponse(sent.status);
      return respond(createObject(cluster, type, path.namespace, sent.body));
    }
    case 'DELETE':
      return respond(deleteObject(cluster, target));
    default:
      return statusResponse(
        kubeStatus(
          405,
          'MethodNotAllowed',
          `the server does not allow this method on the requested resource`,
        ),
      );
  }
}

/** Serves one Kubernetes REST request against a simulated cluster. */
export async function handleKubeRequest(
  ctx: KubeRequestContext,
): Promise<Response> {
  const { cluster, request, pathname } = ctx;
  if (/^\/(healthz|livez|readyz)$/.test(pathname)) return new Response('ok');
  const user = cluster.authenticate(request.headers.get('authorization'));
  if (!user) return statusResponse(unauthorized());

  const accept = request.headers.get('accept');
  const openApi = serveOpenApi(cluster.registry, pathname, accept);
  if (openApi) return openApi;
  const path = parseKubePath(pathname, (group, version, plural) =>
    Boolean(cluster.registry.find(group, version, plural)?.namespaced),
  );
  switch (path.type) {
    case 'version':
      return versionResponse(cluster);
    case 'coreVersions':
      return coreVersionsResponse(cluster, accept);
    case 'groupList':
      return groupListResponse(cluster, accept);
    case 'group':
      return (
        groupResponse(cluster, path.group) ?? statusResponse(pageNotFound())
      );
    case 'resourceList':
      return (
        resourceListResponse(cluster, path.group, path.version) ??
        statusResponse(pageNotFound())
      );
    case 'resource':
      return handleResource(ctx, user, path);
    default:
      return statusResponse(pageNotFound());
  }
}
