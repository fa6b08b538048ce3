import { PodConfig, V015Server } from './V015Server';
import { data, invalidParameters, managementError } from './responses';

// S crates/http/src/management/settings.rs (v0.15.5), per ../shared/docs/stalwart-v015.md §1.

const withDot = (prefix: string | null) => {
  if (!prefix) return '';
  return prefix.endsWith('.') ? prefix : `${prefix}.`;
};
const page = (params: URLSearchParams) => {
  const limit = Number(params.get('limit') ?? 0) || 0;
  const offset =
    Math.max(0, (Number(params.get('page') ?? 0) || 0) - 1) * limit;
  return { limit, offset };
};

export function listSettings(
  server: V015Server,
  pod: PodConfig,
  params: URLSearchParams,
): Response {
  const settings = [...server.list(pod, withDot(params.get('prefix')), true)];
  const { limit, offset } = page(params);
  const items = settings.slice(
    offset,
    limit === 0 ? undefined : offset + limit,
  );
  return data({ total: settings.length, items: Object.fromEntries(items) });
}

export function groupSettings(
  server: V015Server,
  pod: PodConfig,
  params: URLSearchParams,
): Response {
  const prefix = withDot(params.get('prefix'));
  const rawSuffix = params.get('suffix') ?? '';
  const suffix =
    rawSuffix && !rawSuffix.startsWith('.') ? `.${rawSuffix}` : rawSuffix;
  const field = params.get('field');
  const filter = (params.get('filter') ?? '').toLowerCase();
  const { limit } = page(params);
  let { offset } = page(params);
  const settings = server.list(pod, prefix, true);
  let total = 0;

  if (suffix && settings.size > 0) {
    const ids = [...settings.keys()]
      .filter(k => k.endsWith(suffix) && k.length > suffix.length)
      .map(k => k.slice(0, -suffix.length));
    const records: Array<Record<string, string>> = [];
    for (const id of ids) {
      const record: Record<string, string> = { _id: id };
      for (const [key, value] of settings) {
        if (
          key.startsWith(`${id}.`) &&
          (!field || field === key.slice(id.length + 1))
        ) {
          record[key.slice(id.length + 1)] = value;
        }
      }
      const visible =
        !filter ||
        Object.values(record).some(v => v.toLowerCase().includes(filter));
      if (!visible) continue;
      if (offset > 0) offset -= 1;
      else if (limit === 0 || records.length < limit) records.push(record);
      total += 1;
    }
    return data({ total, items: records });
  }

  const items: Array<{ _id: string; _value: string }> = [];
  for (const [key, value] of settings) {
    if (
      filter &&
      !key.toLowerCase().includes(filter) &&
      !value.toLowerCase().includes(filter)
    )
      continue;
    if (offset > 0) offset -= 1;
    else if (limit === 0 || items.length < limit)
      items.push({ _id: key, _value: value });
    total += 1;
  }
  return data({ total, items });
}

export function settingsByKey(
  server: V015Server,
  pod: PodConfig,
  params: URLSearchParams,
): Response {
  const results: Record<string, string> = {};
  for (const key of (params.get('keys') ?? '').split(',').filter(Boolean)) {
    const value = server.get(pod, key);
    if (value !== undefined) results[key] = value;
  }
  for (const prefix of (params.get('prefixes') ?? '')
    .split(',')
    .filter(Boolean)) {
    Object.assign(
      results,
      Object.fromEntries(server.list(pod, withDot(prefix), false)),
    );
  }
  return data(results);
}

type Operation =
  | { type: 'delete'; keys: string[] }
  | { type: 'clear'; prefix: string; filter?: string | null }
  | {
      type: 'insert';
      prefix: string | null;
      values: Array<[string, string]>;
      assert_empty: boolean;
    };

function isOperation(op: any): op is Operation {
  if (op?.type === 'delete') return Array.isArray(op.keys);
  if (op?.type === 'clear') return typeof op.prefix === 'string';
  if (op?.type === 'insert') {
    return (
      typeof op.assert_empty === 'boolean' &&
      Array.isArray(op.values) &&
      (op.prefix === null ||
        op.prefix === undefined ||
        typeof op.prefix === 'string')
    );
  }
  return false;
}

export function updateSettings(
  server: V015Server,
  pod: PodConfig,
  body: unknown,
): Response {
  if (!Array.isArray(body) || !body.every(isOperation))
    return invalidParameters();
  for (const op of body) {
    if (op.type === 'delete') {
      op.keys.forEach(key => server.clear(pod, key));
    } else if (op.type === 'clear') {
      if (op.filter) {
        for (const [key, value] of server.list(pod, op.prefix, false)) {
          if (
            value.toLowerCase().includes(op.filter) ||
            key.toLowerCase().includes(op.filter)
          )
            server.clear(pod, key);
        }
      } else {
        server.clearPrefix(pod, op.prefix);
      }
    } else {
      if (op.assert_empty) {
        const occupied = op.prefix
          ? server.list(pod, `${op.prefix}.`, true).size > 0
          : op.values.length > 0 &&
            server.get(pod, op.values[0][0]) !== undefined;
        if (occupied) return managementError({ error: 'assertFailed' });
      }
      server.set(
        pod,
        op.values.map(([k, v]) => [
          op.prefix ? `${op.prefix}.${k}` : k,
          String(v),
        ]),
      );
    }
  }
  return data(null);
}
