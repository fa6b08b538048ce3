import {
  planTypeName,
  type SettingsPlanOperation,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { V016Caller, V016Server } from './V016Server';
import { fieldsOf, REGISTRY_SCHEMA } from './registrySchema';
import { registryQuery, registrySet } from './registryMethods';

/** What applying a plan did, per operation count, and the first refusal of each failed line. */
export interface PlanApplyResult {
  created: number;
  updated: number;
  destroyed: number;
  failures: Array<{ operation: number; object: string; error: unknown }>;
}

const PLAN_CALLER: V016Caller = { name: 'stalwart-cli', canWrite: true };

/** Replaces `"#cid"` strings and keys with the ids the plan's creates received. */
function resolveRefs(value: unknown, ids: Map<string, string>): unknown {
  const ref = (s: string) =>
    s.startsWith('#') && ids.has(s.slice(1)) ? ids.get(s.slice(1))! : s;
  if (typeof value === 'string') return ref(value);
  if (Array.isArray(value)) return value.map(v => resolveRefs(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [ref(k), resolveRefs(v, ids)]),
    );
  return value;
}

/**
 * Applies a parsed settings plan to a simulated server as `stalwart-cli apply` does
 * (docs/stalwart-api-facts.md "Plan format"; C `src/commands/apply.rs`): every `destroy` first,
 * last to first, each destroying what `x:<Type>/query` with its filter returns; then `create`
 * and `update` in plan order, `#cid` ids resolved to the objects created earlier. `upsert`
 * (CLI 1.0.9+) updates the one object whose `matchOn` fields are equal, else creates it. Every write
 * goes through `x:<Type>/set`, so the server's refusals apply; a refused operation is reported
 * and the rest still run (as `--continue-on-error`).
 */
export function applySettingsPlan(
  server: V016Server,
  operations: readonly SettingsPlanOperation[],
): PlanApplyResult {
  const result: PlanApplyResult = {
    created: 0,
    updated: 0,
    destroyed: 0,
    failures: [],
  };
  const ids = new Map<string, string>();
  const set = (index: number, type: string, args: Record<string, unknown>) => {
    const [name, response] = registrySet(server, PLAN_CALLER, type, args);
    const refusal =
      name === 'error'
        ? response
        : Object.values({
            ...response.notCreated,
            ...response.notUpdated,
            ...response.notDestroyed,
          })[0];
    if (refusal)
      result.failures.push({
        operation: index + 1,
        object: type,
        error: refusal,
      });
    return response;
  };

  for (let index = operations.length - 1; index >= 0; index--) {
    const op = operations[index];
    if (op['@type'] !== 'destroy') continue;
    const type = planTypeName(op.object);
    const [, found] = registryQuery(server, type, { filter: op.value ?? {} });
    if (!found.ids?.length) continue;
    const response = set(index, type, { destroy: found.ids });
    result.destroyed += response.destroyed?.length ?? 0;
  }

  operations.forEach((op, index) => {
    const type = planTypeName(op.object);
    if (op['@type'] === 'destroy') return;
    if (op['@type'] === 'update') {
      const rawId = op.id ?? 'singleton';
      const id = rawId.startsWith('#') ? ids.get(rawId.slice(1)) : rawId;
      if (!id) {
        result.failures.push({
          operation: index + 1,
          object: type,
          error: { type: 'notFound', description: `${rawId} names no create` },
        });
        return;
      }
      const response = set(index, type, {
        update: { [id]: resolveRefs(op.value, ids) },
      });
      if (response.updated) result.updated += 1;
      return;
    }
    const matchOn =
      op['@type'] === 'upsert'
        ? op.matchOn ?? [REGISTRY_SCHEMA.lists?.[type]?.labelProperty ?? 'name']
        : undefined;
    for (const [rawCid, body] of Object.entries(op.value)) {
      const cid = rawCid.replace(/^#/, '');
      const value = resolveRefs(body, ids) as Record<string, unknown>;
      // apply.rs 7632f24 `find_match`: a match field absent from the entry, or two live objects
      // matching, fail the operation; a match is patched with the entry's mutable fields.
      const missing = matchOn?.find(f => !(f in value));
      const matches = matchOn
        ? [...server.objects(type).keys()].filter(id => {
            const live = server.read(type, id);
            return matchOn.every(f => live?.[f] === value[f]);
          })
        : [];
      if (missing || matches.length > 1) {
        result.failures.push({
          operation: index + 1,
          object: type,
          error: {
            type: 'invalidArguments',
            description: missing
              ? `match property ${missing} is missing from ${cid}`
              : `ambiguous upsert; ${matches.length} objects match on ${matchOn}`,
          },
        });
        continue;
      }
      const [existing] = matches;
      if (existing) {
        // The CLI leaves out `@type` and the fields the schema marks immutable or server-set.
        const fields = fieldsOf(type, value)?.properties ?? {};
        const patch = Object.fromEntries(
          Object.entries(value).filter(
            ([k]) =>
              k !== '@type' &&
              !['immutable', 'serverSet'].includes(fields[k]?.update ?? ''),
          ),
        );
        const response = set(index, type, { update: { [existing]: patch } });
        if (response.updated) result.updated += 1;
        ids.set(cid, existing);
        continue;
      }
      const response = set(index, type, { create: { [cid]: value } });
      const created = response.created?.[cid]?.id;
      if (created) {
        ids.set(cid, created);
        result.created += 1;
      }
    }
  });
  return result;
}
