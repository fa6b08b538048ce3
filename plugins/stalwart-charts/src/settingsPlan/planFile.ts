import { InputError } from '@backstage/errors';
import type { DeclaredObject } from './types';

/**
 * One line of a `stalwart-cli apply` plan (docs/stalwart-api-facts.md "Plan format"; C
 * `src/commands/apply.rs`, D `management/cli/apply.md`): `create` a map of client id to object,
 * `update` a patch (a top-level `id` for collections, a `#cid` naming an earlier create, none for
 * singletons), `destroy` every object a JMAP query filter matches (`{}`/absent: all). `upsert`
 * (CLI 1.0.9+) creates, or updates the one object whose `matchOn` fields (default: the type's
 * label property) are equal. The CLI's `reconcile` (1.0.11) is not supported and is refused.
 *
 * @public
 */
export type SettingsPlanOperation =
  | {
      '@type': 'create';
      object: string;
      value: Record<string, Record<string, unknown>>;
    }
  | {
      '@type': 'update';
      object: string;
      id?: string | null;
      value: Record<string, unknown>;
    }
  | {
      '@type': 'destroy';
      object: string;
      value?: Record<string, unknown> | null;
    }
  | {
      '@type': 'upsert';
      object: string;
      matchOn?: string[];
      value: Record<string, Record<string, unknown>>;
    };

/** @public */
export type SettingsPlanOperationType = SettingsPlanOperation['@type'];

const OPERATIONS: readonly SettingsPlanOperationType[] = [
  'create',
  'update',
  'destroy',
  'upsert',
];
// What the CLI's serde accepts per operation (additionalProperties: false in apply.md's schema).
const FIELDS: Record<SettingsPlanOperationType, readonly string[]> = {
  create: ['@type', 'object', 'value'],
  update: ['@type', 'object', 'id', 'value'],
  destroy: ['@type', 'object', 'value'],
  upsert: ['@type', 'object', 'matchOn', 'value'],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function checkOperation(op: unknown, line: number): SettingsPlanOperation {
  const fail = (rule: string) => {
    throw new InputError(`settings plan line ${line}: ${rule}`);
  };
  if (!isRecord(op)) return fail('each line must be a JSON object');
  const type = op['@type'] as SettingsPlanOperationType;
  if (!OPERATIONS.includes(type))
    return fail(
      `"@type" must be one of ${OPERATIONS.join(', ')} (got ${JSON.stringify(
        op['@type'],
      )})`,
    );
  if (typeof op.object !== 'string' || !op.object)
    return fail('"object" must be a type name');
  const unknown = Object.keys(op).filter(k => !FIELDS[type].includes(k));
  if (unknown.length)
    return fail(
      `${type} does not take ${unknown.map(k => `"${k}"`).join(', ')}`,
    );
  if (type === 'destroy') {
    if (op.value !== undefined && op.value !== null && !isRecord(op.value))
      return fail('destroy "value" must be a query filter object or null');
  } else if (!isRecord(op.value)) {
    return fail(`${type} "value" must be an object`);
  }
  if (type === 'create' || type === 'upsert') {
    const entries = Object.entries(op.value as object);
    if (!entries.length) return fail(`${type} "value" names no objects`);
    const bad = entries.find(([, v]) => !isRecord(v));
    if (bad) return fail(`${type} "value.${bad[0]}" must be an object`);
    // The CLI strips a leading "#" from each client id and refuses the plan if two then collide.
    const cids = entries.map(([cid]) => cid.replace(/^#/, ''));
    const twice = cids.find((cid, i) => cids.indexOf(cid) !== i);
    if (twice !== undefined)
      return fail(`${type} "value" names the client id "${twice}" twice`);
  }
  if (type === 'update' && op.id !== undefined && op.id !== null) {
    if (typeof op.id !== 'string' || !op.id)
      return fail('update "id" must be a non-empty string');
  }
  if (
    type === 'upsert' &&
    op.matchOn !== undefined &&
    (!Array.isArray(op.matchOn) ||
      !op.matchOn.length ||
      op.matchOn.some(f => typeof f !== 'string'))
  )
    return fail('upsert "matchOn" must be a non-empty list of field names');
  return op as SettingsPlanOperation;
}

/**
 * Reads a plan's operations, each checked against the CLI's format; the error names the line.
 *
 * @public
 */
export function parseSettingsPlanOperations(
  ndjson: string,
): SettingsPlanOperation[] {
  return numberedOperations(ndjson).map(([op]) => op);
}

function numberedOperations(
  ndjson: string,
): Array<[SettingsPlanOperation, number]> {
  const operations: Array<[SettingsPlanOperation, number]> = [];
  ndjson.split('\n').forEach((text, index) => {
    if (!text.trim()) return;
    let op: unknown;
    try {
      op = JSON.parse(text);
    } catch {
      throw new InputError(`settings plan line ${index + 1}: not JSON`);
    }
    operations.push([checkOperation(op, index + 1), index + 1]);
  });
  return operations;
}

/**
 * `x:` prefix optional and case-insensitive (apply.md "objectName").
 *
 * @public
 */
export const planTypeName = (object: string) =>
  /^x:/i.test(object) ? `x:${object.slice(2)}` : `x:${object}`;

/**
 * Sets `"a/b"` JSON-pointer keys of a patch into a copy of `object`.
 *
 * @public
 */
export function applyPlanPatch(
  object: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const next = structuredClone(object);
  for (const [pointer, value] of Object.entries(patch)) {
    const path = pointer.split('/');
    let parent: Record<string, unknown> = next;
    for (const segment of path.slice(0, -1)) {
      if (!isRecord(parent[segment])) parent[segment] = {};
      parent = parent[segment] as Record<string, unknown>;
    }
    parent[path[path.length - 1]] = value;
  }
  return next;
}

/**
 * What a plan declares, object by object, for the drift engine: creates and upserts by client
 * id (matched to live objects by `matchOn`, else `labelProperty`), singleton updates, updates of
 * collection objects (folded into the create a `#cid` id names, or kept as a patch on a server
 * id), and destroy filters.
 *
 * @public
 */
export function parseSettingsPlan(
  ndjson: string,
  labelProperty: (type: string) => string | undefined,
  isSingleton: (type: string) => boolean = () => false,
): DeclaredObject[] {
  const declared: DeclaredObject[] = [];
  const byCid = new Map<string, DeclaredObject>();
  for (const [op, line] of numberedOperations(ndjson)) {
    const type = planTypeName(op.object);
    const label = labelProperty(type);
    if (op['@type'] === 'destroy') {
      if (isSingleton(type))
        throw new InputError(
          `settings plan line ${line}: ${type} is a singleton and cannot be destroyed`,
        );
      declared.push({
        type,
        operation: 'destroy',
        cid: `destroy-${line}`,
        matchOn: [],
        value: {},
        filter: op.value ?? {},
      });
      continue;
    }
    if (op['@type'] === 'update') {
      const id = op.id ?? undefined;
      if (isSingleton(type)) {
        if (id && id !== 'singleton')
          throw new InputError(
            `settings plan line ${line}: ${type} is a singleton; its "id" must be "singleton" or absent`,
          );
        declared.push({
          type,
          operation: 'update',
          cid: 'singleton',
          matchOn: [],
          value: op.value,
        });
        continue;
      }
      if (!id)
        throw new InputError(
          `settings plan line ${line}: an update of ${type} needs a top-level "id"`,
        );
      const created = id.startsWith('#') ? byCid.get(id.slice(1)) : undefined;
      if (id.startsWith('#') && !created)
        throw new InputError(
          `settings plan line ${line}: "id" ${id} names no earlier create`,
        );
      if (created) created.value = applyPlanPatch(created.value, op.value);
      else
        declared.push({
          type,
          operation: 'update',
          cid: id,
          id,
          matchOn: [],
          value: op.value,
        });
      continue;
    }
    if (op['@type'] === 'upsert' && isSingleton(type))
      throw new InputError(
        `settings plan line ${line}: ${type} is a singleton and cannot be upserted; update it`,
      );
    const byLabel = label ? [label] : [];
    const matchOn =
      op['@type'] === 'upsert' && op.matchOn ? op.matchOn : byLabel;
    for (const [rawCid, value] of Object.entries(op.value)) {
      const cid = rawCid.replace(/^#/, '');
      const object: DeclaredObject = {
        type,
        operation: op['@type'],
        cid,
        matchOn,
        value,
      };
      byCid.set(cid, object);
      declared.push(object);
    }
  }
  return declared;
}
