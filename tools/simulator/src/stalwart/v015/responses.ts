// Envelopes and errors of Stalwart's v0.11–v0.15 management API
// (../shared/docs/stalwart-v015.md §1, S crates/http/src/management/mod.rs,
// crates/jmap-proto/src/error/request.rs).

const json = (body: unknown, status = 200, contentType = 'application/json') =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });

/** Success: HTTP 200 `{"data": …}`; writes answer `{"data": null}`. */
export const data = (value: unknown) => json({ data: value ?? null });

/** Management errors are HTTP 200 too, tagged by `error`. */
export const managementError = (
  error: Record<string, unknown> & { error: string },
) => json(error);

export function problem(
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
) {
  const response = json(
    { type: 'about:blank', status, title, detail },
    status,
    'application/problem+json',
  );
  for (const [name, value] of Object.entries(headers))
    response.headers.append(name, value);
  return response;
}

/** A 401; `realms: false` is `HttpResponse::unauthorized(false)` (no WWW-Authenticate header). */
export function unauthorized({ realms = true } = {}): Response {
  const response = problem(
    401,
    'Unauthorized',
    'You have to authenticate first.',
  );
  if (!realms) return response;
  response.headers.append('WWW-Authenticate', 'Bearer realm="Stalwart Server"');
  response.headers.append('WWW-Authenticate', 'Basic realm="Stalwart Server"');
  return response;
}

export const forbidden = () =>
  problem(
    403,
    'Forbidden',
    'You do not have enough permissions to access this resource.',
  );

export const notFound = () =>
  problem(
    404,
    'Not Found',
    'The requested resource does not exist on this server.',
  );

export const tooManyRequests = () =>
  problem(
    429,
    'Too Many Requests',
    'Your request has been rate limited. Please try again in a few seconds.',
  );

export const invalidParameters = () =>
  problem(
    400,
    'Invalid Parameters',
    'One or multiple parameters could not be parsed.',
  );

export const internalServerError = () =>
  problem(
    500,
    'Internal Server Error',
    'There was a problem while processing your request. Please contact the system administrator if this problem persists.',
  );
