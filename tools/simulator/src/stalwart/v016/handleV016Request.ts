import { gzipSync } from 'node:zlib';
import { V016Server } from './V016Server';
import { REGISTRY_SCHEMA, schemaHashFor } from './registrySchema';

const SCHEMA_JSON = JSON.stringify(REGISTRY_SCHEMA);
import { registryGet, registryQuery, registrySet } from './registryMethods';
import { notFound, problem, unauthorized } from '../v015/responses';

const CORE = 'urn:ietf:params:jmap:core';
const STALWART = 'urn:stalwart:jmap';
const KNOWN_CAPABILITIES = [
  CORE,
  STALWART,
  'urn:ietf:params:jmap:mail',
  'urn:ietf:params:jmap:submission',
];

const jmapProblem = (type: string, detail: string) =>
  new Response(JSON.stringify({ type, status: 400, detail }), {
    status: 400,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** Follows a JMAP `#ids` back-reference to an earlier result (`/ids`, `/list/*\/id`). */
function resolveReference(
  ref: any,
  responses: Array<[string, any, string]>,
): unknown {
  const earlier = responses.find(
    ([name, , callId]) => callId === ref.resultOf && name === ref.name,
  );
  if (!earlier) return undefined;
  const walk = (value: any, segments: string[]): any => {
    if (segments.length === 0) return value;
    const [head, ...tail] = segments;
    if (head === '*' && Array.isArray(value))
      return value.flatMap(v => walk(v, tail));
    return walk(value?.[head], tail);
  };
  return walk(earlier[1], ref.path.split('/').slice(1));
}

function runJmap(
  server: V016Server,
  caller: NonNullable<ReturnType<V016Server['authenticate']>>,
  body: any,
): Response {
  const using: string[] = body.using ?? [];
  const unknown = using.find(c => !KNOWN_CAPABILITIES.includes(c));
  if (unknown) {
    return jmapProblem(
      'urn:ietf:params:jmap:error:unknownCapability',
      `The Request object used capability '${unknown}', which is not supportedby this server.`,
    );
  }
  const responses: Array<[string, any, string]> = [];
  for (const [name, rawArgs, callId] of body.methodCalls as Array<
    [string, any, string]
  >) {
    const args = { ...rawArgs };
    for (const key of Object.keys(args).filter(k => k.startsWith('#'))) {
      args[key.slice(1)] = resolveReference(args[key], responses);
      delete args[key];
    }
    const [, type, method] =
      name.match(/^(x:[A-Za-z]+)\/(get|set|query)$/) ?? [];
    let result: [string, any];
    // `x:` methods belong to the Stalwart capability, which `using` need not name
    // (S v0.16.18 crates/jmap/src/api/request.rs).
    if (
      !type ||
      !REGISTRY_SCHEMA.objects[type] ||
      (method === 'query' && server.isSingleton(type))
    ) {
      result = ['error', { type: 'unknownMethod' }];
    } else if (method === 'get') result = registryGet(server, type, args);
    else if (method === 'query') result = registryQuery(server, type, args);
    else result = registrySet(server, caller, type, args);
    responses.push([result[0], result[1], callId]);
  }
  return new Response(
    JSON.stringify({
      methodResponses: responses,
      sessionState: schemaHashFor(server.document.spec.version).slice(0, 8),
    }),
    { headers: { 'Content-Type': 'application/json' } },
  );
}

/** Serves one request to a simulated v0.16 Stalwart pod (../shared/docs/stalwart-v016.md). */
export async function handleV016Request(
  server: V016Server,
  request: Request,
): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === '/healthz/live') return new Response(null, { status: 200 });
  if (pathname === '/healthz/ready') {
    return new Response(null, {
      status: server.registry.has('x:DataStore') ? 200 : 503,
    });
  }
  if (pathname === '/metrics/prometheus') {
    const enabled =
      server.read('x:Metrics', 'singleton')?.prometheus?.['@type'] ===
      'Enabled';
    return enabled
      ? new Response('server_memory 73400320\n', {
          headers: { 'Content-Type': 'text/plain; version=0.0.4' },
        })
      : notFound();
  }
  const isApi =
    pathname === '/jmap' ||
    pathname === '/jmap/session' ||
    pathname.startsWith('/api/');
  if (!isApi) return notFound();
  const caller = server.authenticate(request.headers.get('authorization'));
  if (!caller) return unauthorized();

  const hash = schemaHashFor(server.document.spec.version);
  if (pathname === '/api/schema')
    return new Response(null, {
      status: 307,
      headers: { Location: `/api/schema/${hash}` },
    });
  if (pathname === `/api/schema/${hash}`) {
    return new Response(gzipSync(SCHEMA_JSON), {
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
    });
  }
  if (pathname === '/api/account') {
    return new Response(
      JSON.stringify({
        permissions: caller.canWrite
          ? ['sysSystemSettingsGet', 'sysSystemSettingsUpdate']
          : ['sysSystemSettingsGet'],
        edition: 'community',
        locale: 'en',
      }),
      { headers: { 'Content-Type': 'application/json' } },
    );
  }
  if (pathname === '/jmap/session') {
    return new Response(
      JSON.stringify({
        capabilities: { [CORE]: {}, [STALWART]: {} },
        accounts: {},
        primaryAccounts: {},
        username: caller.name,
        apiUrl: '/jmap',
        state: hash.slice(0, 8),
      }),
      { headers: { 'Content-Type': 'application/json' } },
    );
  }
  if (pathname === '/jmap' && request.method === 'POST') {
    let body: any;
    try {
      body = JSON.parse(await request.text());
    } catch (error) {
      return jmapProblem(
        'urn:ietf:params:jmap:error:notJSON',
        `Failed to parse JSON: ${(error as Error).message}`,
      );
    }
    if (!Array.isArray(body?.methodCalls)) {
      return jmapProblem(
        'urn:ietf:params:jmap:error:notRequest',
        'Invalid JMAP request',
      );
    }
    return runJmap(server, caller, body);
  }
  return problem(
    404,
    'Not Found',
    'The requested resource does not exist on this server.',
  );
}
