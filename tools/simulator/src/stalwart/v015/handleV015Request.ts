import { V015Server, ReadOnlyConfigError } from './V015Server';
import { authenticateV015, hasPermission } from './authenticate';
import { expandMacros } from './expandMacros';
import {
  data,
  forbidden,
  internalServerError,
  notFound,
  problem,
  unauthorized,
} from './responses';
import {
  groupSettings,
  listSettings,
  settingsByKey,
  updateSettings,
} from './settingsEndpoints';
import { reloadConfig } from './reload';

const STORE_ROLES = [
  'storage.data',
  'storage.blob',
  'storage.fts',
  'storage.lookup',
  'storage.directory',
];

function metricsText(server: V015Server): string {
  const values = {
    server_memory: 73400320,
    user_count: 12,
    domain_count: 2,
    smtp_active_connections: 1,
    http_active_connections: 1,
    ...server.document.spec.metrics,
  };
  return Object.entries(values)
    .map(
      ([name, value]) =>
        `# TYPE ${name} ${
          name.endsWith('_count') ||
          name.includes('active') ||
          name === 'server_memory'
            ? 'gauge'
            : 'counter'
        }\n${name} ${value}\n`,
    )
    .join('');
}

/** Serves one request to a simulated v0.11–v0.15 Stalwart pod. */
export async function handleV015Request(
  server: V015Server,
  pod: any,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const { pathname, searchParams } = url;
  const config = server.podConfig(pod);
  if (config.bootError) return new Response(null, { status: 502 });

  if (pathname === '/healthz/live') return new Response(null, { status: 200 });
  if (pathname === '/healthz/ready') {
    const ready = STORE_ROLES.every(
      key => server.get(config, key) !== undefined,
    );
    return new Response(null, { status: ready ? 200 : 503 });
  }
  if (pathname === '/metrics/prometheus') {
    if (server.get(config, 'metrics.prometheus.enable') !== 'true')
      return notFound();
    const user = server.get(config, 'metrics.prometheus.auth.username');
    const secret = server.get(config, 'metrics.prometheus.auth.secret');
    if (user && secret) {
      const expanded = expandMacros(secret, {
        env: server.document.spec.env ?? {},
        files: server.document.spec.files ?? {},
        cfg: k => server.get(config, k),
      });
      const expected = `Basic ${Buffer.from(`${user}:${expanded}`).toString(
        'base64',
      )}`;
      if (request.headers.get('authorization') !== expected)
        return unauthorized();
    }
    return new Response(metricsText(server), {
      headers: { 'Content-Type': 'text/plain; version=0.0.4' },
    });
  }
  if (!pathname.startsWith('/api/')) return notFound();

  const caller = authenticateV015(
    server,
    config,
    request.headers.get('authorization'),
    pathname,
  );
  // S v0.15.5 crates/http/src/request.rs: a failed or missing login on /api/ answers
  // `unauthorized(false)`, a 401 without WWW-Authenticate.
  if (!caller) return unauthorized({ realms: false });
  const allowed = (permission: string) => hasPermission(caller, permission);
  const [, , section, action, ...rest] = pathname.split('/');

  try {
    if (section === 'settings') {
      if (request.method === 'GET' && action === 'list')
        return allowed('settings-list')
          ? listSettings(server, config, searchParams)
          : forbidden();
      if (request.method === 'GET' && action === 'group')
        return allowed('settings-list')
          ? groupSettings(server, config, searchParams)
          : forbidden();
      if (request.method === 'GET' && action === 'keys')
        return allowed('settings-list')
          ? settingsByKey(server, config, searchParams)
          : forbidden();
      if (request.method === 'POST' && !action) {
        if (!allowed('settings-update')) return forbidden();
        let body: unknown;
        try {
          body = JSON.parse(await request.text());
        } catch {
          return problem(
            400,
            'Invalid Parameters',
            'One or multiple parameters could not be parsed.',
          );
        }
        return updateSettings(server, config, body);
      }
      if (request.method === 'DELETE' && action) {
        if (!allowed('settings-delete')) return forbidden();
        server.clear(config, decodeURIComponent([action, ...rest].join('/')));
        return data(null);
      }
    }
    if (section === 'reload' && request.method === 'GET') {
      return allowed('settings-reload')
        ? reloadConfig(server, config, new URL(request.url).searchParams)
        : forbidden();
    }
    if (
      section === 'queue' &&
      request.method === 'GET' &&
      (action === 'messages' || action === 'status')
    ) {
      if (!allowed('message-queue-list')) return forbidden();
      const total = server.document.spec.queuedMessages ?? 0;
      if (action === 'status') return data(true);
      const limit = Number(searchParams.get('limit') ?? 0) || total;
      const items = Array.from({ length: Math.min(limit, total) }, (_, i) =>
        String(1000 + i),
      );
      return data({ items, total, status: true });
    }
    if (section === 'principal' && request.method === 'GET' && !action) {
      return data({ items: [], total: 0 });
    }
  } catch (error) {
    if (error instanceof ReadOnlyConfigError) return internalServerError();
    throw error;
  }
  return notFound();
}
