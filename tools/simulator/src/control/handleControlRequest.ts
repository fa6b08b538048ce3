import { SimulatorControl } from './SimulatorControl';

const ok = (body: unknown = { ok: true }) =>
  new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json' },
  });

/**
 * The control API over HTTP, under `/_simulator/` (see the package README):
 * apply objects, inject faults and latency, drop watches, restart an apiserver,
 * and edit a Stalwart server as through its admin UI.
 */
export async function handleControlRequest(
  control: SimulatorControl,
  request: Request,
  path: string,
): Promise<Response> {
  const body =
    request.method === 'GET'
      ? undefined
      : await request.json().catch(() => ({}));
  const parts = path.split('/').filter(Boolean);
  try {
    if (parts[0] === 'faults') {
      if (request.method === 'DELETE') control.clearFaults();
      else control.addFault(body);
      return ok();
    }
    if (parts[0] === 'stalwart-faults') {
      if (request.method === 'DELETE') control.clearFaults();
      else control.addStalwartFault(body);
      return ok();
    }
    if (parts[0] === 'requests') {
      if (request.method === 'DELETE') {
        control.resetRequestCounts();
        return ok();
      }
      return ok(control.requestCounts());
    }
    if (parts[0] === 'latency') {
      control.setLatency(Number(body.ms ?? 0), body.path);
      return ok();
    }
    if (parts[0] === 'clusters' && parts[1]) {
      const cluster = parts[1];
      switch (parts[2]) {
        case 'apply':
          return ok(control.apply(cluster, body));
        case 'delete':
          return ok(control.delete(cluster, body) ?? null);
        case 'drop-watches':
          control.dropWatches(cluster);
          return ok();
        case 'restart':
          control.restartApiServer(cluster);
          return ok();
        case 'stalwart':
          control.editThroughAdminUi(
            {
              cluster,
              namespace: parts[3],
              name: parts[4],
              podName: body.podName,
            },
            { settings: body.settings, registry: body.registry },
          );
          return ok();
        default:
      }
    }
  } catch (error) {
    return new Response(JSON.stringify({ error: (error as Error).message }), {
      status: 400,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  return new Response(
    JSON.stringify({ error: `unknown control path ${path}` }),
    { status: 404 },
  );
}
