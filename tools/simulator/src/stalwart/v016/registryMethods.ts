import { V016Caller, V016Server, newObjectId } from './V016Server';
import { fieldsOf, REGISTRY_SCHEMA } from './registrySchema';
import { maskSecrets } from './maskSecrets';

type MethodResult = [string, any];
const error = (type: string, description?: string): MethodResult => [
  'error',
  { type, ...(description ? { description } : {}) },
];

export function registryGet(
  server: V016Server,
  type: string,
  args: any,
): MethodResult {
  const stored = server.objects(type);
  const ids: string[] =
    args.ids ??
    (server.isSingleton(type)
      ? ['singleton']
      : [...stored.keys()].slice(0, 500));
  const list: any[] = [];
  const notFound: string[] = [];
  for (const id of ids) {
    const object = server.read(type, id);
    if (!object) {
      notFound.push(id);
      continue;
    }
    let result = { ...maskSecrets(type, object), id };
    if (Array.isArray(args.properties)) {
      result = Object.fromEntries(
        Object.entries(result).filter(
          ([k]) => k === 'id' || args.properties.includes(k),
        ),
      );
    }
    list.push(result);
  }
  return [`${type}/get`, { list, notFound }];
}

export function registryQuery(
  server: V016Server,
  type: string,
  args: any,
): MethodResult {
  const label = REGISTRY_SCHEMA.lists?.[type]?.labelProperty;
  let entries = [...server.objects(type).keys()].map(
    id => [id, server.read(type, id)] as [string, any],
  );
  for (const [property, value] of Object.entries(args.filter ?? {})) {
    entries = entries.filter(
      ([, o]) => JSON.stringify(o[property]) === JSON.stringify(value),
    );
  }
  if (label)
    entries.sort(([, a], [, b]) =>
      String(a[label]).localeCompare(String(b[label])),
    );
  const position = Number(args.position ?? 0);
  const limit = Math.min(Number(args.limit ?? 5000), 5000);
  const ids = entries.slice(position, position + limit).map(([id]) => id);
  return [
    `${type}/query`,
    { ids, position, total: entries.length, canCalculateChanges: false },
  ];
}

/** Applies `"a/b/c": value` JSON-pointer patches (and whole properties) to an object. */
function applyPatch(object: any, patch: Record<string, unknown>): any {
  const next = structuredClone(object);
  for (const [pointer, value] of Object.entries(patch)) {
    const path = pointer.split('/');
    let parent = next;
    for (const segment of path.slice(0, -1)) parent = parent[segment] ??= {};
    const last = path[path.length - 1];
    // A set or map member patched to null leaves it; a nullable property keeps the null.
    if (value === null && path.length > 1) delete parent[last];
    else parent[last] = value;
  }
  return next;
}

// S v0.16.18 crates/registry/src/jmap/patch.rs: a boolean, number or string property takes
// only a value of its type (strings: not empty); `null` is accepted by `Option<T>` alone.
const SCALAR_RULES: Record<string, [(v: unknown) => boolean, string]> = {
  boolean: [
    v => typeof v === 'boolean',
    'Invalid value for boolean property (expected true or false)',
  ],
  number: [
    v => typeof v === 'number' && Number.isFinite(v),
    'Invalid value for number property',
  ],
  string: [
    v => typeof v === 'string' && v !== '',
    'Invalid value for property.',
  ],
  enum: [v => typeof v === 'string', 'Invalid value for property.'],
};

function invalidWrite(
  type: string,
  object: any,
  patch: Record<string, unknown>,
  isCreate: boolean,
) {
  const fields = fieldsOf(type, object)?.properties ?? {};
  for (const [key, value] of Object.entries(patch)) {
    const root = key.split('/')[0];
    if (root === '@type' || root === 'id') continue;
    const field = fields[root];
    if (!field) return { type: 'invalidProperties', properties: [root] };
    if (
      field.update === 'serverSet' ||
      (!isCreate && field.update === 'immutable')
    ) {
      return {
        type: 'invalidPatch',
        description: `Property ${root} cannot be modified.`,
        properties: [key],
      };
    }
    const rule = SCALAR_RULES[field.type?.type ?? ''];
    if (rule && key === root) {
      const [valid, message] = rule;
      const accepted = value === null ? !!field.type?.nullable : valid(value);
      if (!accepted)
        return {
          type: 'invalidPatch',
          description: message,
          properties: [key],
        };
    }
  }
  return undefined;
}

export function registrySet(
  server: V016Server,
  caller: V016Caller,
  type: string,
  args: any,
): MethodResult {
  if (!caller.canWrite)
    return error(
      'forbidden',
      'You do not have permission to modify this object.',
    );
  const response: Record<string, any> = {};
  const put = (bucket: string, key: string, value: unknown) =>
    ((response[bucket] ??= {})[key] = value);
  const singleton = server.isSingleton(type);
  const stored = server.objects(type);
  const label = REGISTRY_SCHEMA.lists?.[type]?.labelProperty;

  for (const [cid, object] of Object.entries<any>(args.create ?? {})) {
    if (type === 'x:Action') {
      if (object['@type'] === 'ReloadSettings') server.reloads += 1;
      put('created', cid, { id: newObjectId() });
      continue;
    }
    if (singleton) {
      put('notCreated', cid, {
        type: 'singleton',
        description: 'Singletons cannot be created or destroyed.',
      });
      continue;
    }
    const invalid = invalidWrite(type, object, object, true);
    if (invalid) {
      put('notCreated', cid, invalid);
      continue;
    }
    if (label && [...stored.values()].some(o => o[label] === object[label])) {
      put('notCreated', cid, {
        type: 'primaryKeyViolation',
        description: `An object with ${label} ${JSON.stringify(
          object[label],
        )} already exists.`,
      });
      continue;
    }
    const id = newObjectId();
    stored.set(id, structuredClone(object));
    put('created', cid, { id });
  }

  for (const [id, patch] of Object.entries<any>(args.update ?? {})) {
    const current =
      singleton && id === 'singleton' ? server.read(type, id) : stored.get(id);
    if (!current) {
      put('notUpdated', id, { type: 'notFound' });
      continue;
    }
    const invalid = invalidWrite(type, current, patch, false);
    if (invalid) {
      put('notUpdated', id, invalid);
      continue;
    }
    if (singleton)
      stored.set(id, applyPatch(server.stored(type, id) ?? {}, patch));
    else stored.set(id, applyPatch(current, patch));
    put('updated', id, null);
  }

  for (const id of args.destroy ?? []) {
    if (singleton)
      put('notDestroyed', id, {
        type: 'singleton',
        description: 'Singletons cannot be created or destroyed.',
      });
    else if (stored.delete(id)) (response.destroyed ??= []).push(id);
    else put('notDestroyed', id, { type: 'notFound' });
  }
  return [`${type}/set`, response];
}
