// Objects a v0.16 server creates on start for types that have none (stalwart-v016.md §2
// "Server-managed defaults", S crates/common/src/manager/defaults.rs): the default listeners
// bind 25, 465, 993, 995, 4190, 443 and 8080; the default routes mirror v0.15's
// queue.route.{mx,local}.
const DEFAULT_LISTENER_PORTS = new Set([
  '25',
  '465',
  '993',
  '995',
  '4190',
  '443',
  '8080',
]);
const DEFAULT_ROUTES = new Set(['mx', 'local']);

/** Whether an undeclared live object is one the server created itself. */
export function isServerDefaultObject(
  type: string,
  object: Record<string, unknown>,
): boolean {
  if (type === 'x:NetworkListener') {
    const binds = Object.keys((object.bind as Record<string, unknown>) ?? {});
    return (
      binds.length > 0 &&
      binds.every(b =>
        DEFAULT_LISTENER_PORTS.has(b.slice(b.lastIndexOf(':') + 1)),
      )
    );
  }
  if (type === 'x:MtaRoute') return DEFAULT_ROUTES.has(String(object.name));
  return false;
}
