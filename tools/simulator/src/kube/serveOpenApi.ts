import { ResourceRegistry } from './ResourceRegistry';
import {
  openApiV2Document,
  openApiV3Document,
  openApiV3Index,
  parseOpenApiV3Path,
} from './openapiDocuments';
import { kubeStatus, statusResponse } from './status';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json', Vary: 'Accept' },
  });

const notFound = () =>
  statusResponse(
    kubeStatus(
      404,
      'NotFound',
      'the server could not find the requested resource',
    ),
  );

// The simulator speaks JSON only; a client that accepts nothing else is told so, as
// kube-apiserver does, rather than handed bytes it cannot parse.
const acceptsJson = (accept: string | null) =>
  !accept || /application\/json|\*\/\*/.test(accept);

/** `/openapi/v2`, `/openapi/v3` and `/openapi/v3/<api path>`, or undefined for other paths. */
export function serveOpenApi(
  registry: ResourceRegistry,
  pathname: string,
  accept: string | null,
): Response | undefined {
  const match = /^\/openapi\/(v2|v3)(?:\/(.*))?$/.exec(pathname);
  if (!match) return undefined;
  if (!acceptsJson(accept)) {
    return statusResponse(
      kubeStatus(406, 'NotAcceptable', `only application/json is served here`),
    );
  }
  const [, api, rest] = match;
  if (api === 'v2')
    return rest ? notFound() : json(openApiV2Document(registry));
  if (!rest) return json(openApiV3Index(registry));
  const groupVersion = parseOpenApiV3Path(rest);
  const document =
    groupVersion &&
    openApiV3Document(registry, groupVersion.group, groupVersion.version);
  return document ? json(document) : notFound();
}
