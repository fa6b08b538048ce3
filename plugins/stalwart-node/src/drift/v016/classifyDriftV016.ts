import type {
  DriftObjectRefV1,
  DriftExplanationId,
  DriftPodV1,
  DriftReadErrorV1,
  DriftRemediationAction,
} from '@stalwart-backstage/plugin-stalwart-common';
import { ItemCollector, countByClass, type Observation } from '../report';
import type { DriftReport, RegistryFix } from '../types';
import { canonicalJson } from './canonical';
import { compareFields, safeObject } from './compareFields';
import { declaredObjectsOf } from './declaredPlan';
import { isSingletonType } from './schemaView';
import { isServerDefaultObject } from './serverDefaults';
import { LiveIndex, naturalKeyOf } from './naturalKeys';
import type { DeclaredObject, V016DriftInput } from './types';

const RESET: DriftRemediationAction[] = ['reset-to-git'];

/** Whether a value holds a `#cid` reference anywhere (a scan, no copies). */
function hasReference(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('#');
  if (!value || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasReference);
  return Object.values(value).some(hasReference);
}

/** Replaces `#cid` references with the live ids of the objects those cids matched. */
function resolveReferences(
  value: unknown,
  liveIds: Map<string, string>,
): unknown {
  // A value without references comes back as it is: copying every declared object was most of the garbage.
  if (!hasReference(value)) return value;
  if (typeof value === 'string') return liveIds.get(value.slice(1)) ?? value;
  if (Array.isArray(value)) {
    const resolved = value.map(v => resolveReferences(v, liveIds));
    return resolved.every((v, i) => v === value[i]) ? value : resolved;
  }
  // Only strings, arrays and objects hold references, so this is an object.
  let changed = false;
  const entries = Object.entries(value as object).map(([k, v]) => {
    const resolved = resolveReferences(v, liveIds);
    if (resolved !== v) changed = true;
    return [k, resolved];
  });
  return changed ? Object.fromEntries(entries) : value;
}

/** Whether an object matches a destroy filter: each filter property equal (apply.md "destroy"). */
function matchesFilter(
  object: Record<string, unknown>,
  filter: Record<string, unknown>,
): boolean {
  return Object.entries(filter).every(
    ([field, value]) => canonicalJson(object[field]) === canonicalJson(value),
  );
}

/**
 * Classifies a v0.16 instance (stalwart-v016.md §1, §2, §5): the settings plan and config.json
 * from git against the registry objects `x:<Type>/get` returned. Pure and synchronous.
 *
 * @public
 */
export function classifyDriftV016(input: V016DriftInput): DriftReport {
  const { schema, registry } = input;
  const declared = [...declaredObjectsOf(input.plan, schema)];
  if (input.configJson)
    declared.push({
      type: 'x:DataStore',
      operation: 'update',
      cid: 'singleton',
      matchOn: [],
      value: JSON.parse(input.configJson),
    });

  const pods: DriftPodV1[] = input.pods.map(pod => ({
    name: pod.name,
    ...(pod.configChecksum ? { configChecksum: pod.configChecksum } : {}),
    ...(pod.configChecksum && input.currentConfigChecksum
      ? { staleConfig: pod.configChecksum !== input.currentConfigChecksum }
      : {}),
    read: true,
  }));
  const anyStale = pods.some(p => p.staleConfig);
  const errors: DriftReadErrorV1[] = Object.entries(
    input.readFailures ?? {},
  ).map(([type, failure]) => ({
    source: `registry:${type}`,
    ...(failure.statusCode ? { statusCode: failure.statusCode } : {}),
    message: failure.message,
  }));

  // Match declared objects to live ones by natural key, so `#cid` references can resolve.
  const matches = new Map<DeclaredObject, string | undefined>();
  const liveIds = new Map<string, string>();
  const liveByNaturalKey = new LiveIndex(registry);
  for (const object of declared) {
    if (!registry[object.type] || object.operation === 'destroy') continue;
    let id: string | undefined;
    if (isSingletonType(schema, object.type)) id = 'singleton';
    else if (object.id) id = registry[object.type][object.id] && object.id;
    else
      id = liveByNaturalKey.find(
        object.type,
        object.matchOn,
        naturalKeyOf(object.value, object.matchOn),
      );
    matches.set(object, id);
    if (id) liveIds.set(object.cid, id);
  }

  // Attached to items: the registry call that resets each to git.
  const collector = new ItemCollector<RegistryFix>();
  // Literals, not spreads: one observation per field of every declared object.
  const observe = (
    type: string,
    naturalKey: string,
    o: Pick<Observation, 'class' | 'explanation' | 'declared' | 'live'>,
    ref: { id?: string; field?: string },
    fix?: RegistryFix,
    remediations: DriftRemediationAction[] = fix ? RESET : [],
  ) => {
    const group = `${type}/${naturalKey}`;
    const object: DriftObjectRefV1 = {
      type,
      naturalKey,
      id: ref.id,
      field: ref.field,
    };
    const state = collector.add({
      subject: ref.field ? `${group}/${ref.field}` : group,
      group,
      class: o.class,
      explanation: o.explanation,
      declared: o.declared,
      live: o.live,
      remediations: o.class === 'in-sync' ? [] : remediations,
      object,
    });
    if (fix) state.attachment = fix;
  };

  const compareObject = (
    type: string,
    id: string,
    naturalKey: string,
    value: Record<string, unknown> | undefined,
    explanation: DriftExplanationId,
    onlyDeclared = false,
  ) => {
    const restart = type === 'x:DataStore';
    for (const outcome of compareFields(
      schema,
      type,
      value,
      registry[type][id],
      explanation,
      onlyDeclared,
    )) {
      const { field, restore } = outcome;
      observe(
        type,
        naturalKey,
        outcome,
        { id, field },
        // config.json is read at boot; x:DataStore/set would rewrite a read-only mount.
        restore && !restart
          ? { kind: 'update', type, id, patch: { [field]: restore.value } }
          : undefined,
        restart && anyStale ? ['restart-stale-pods'] : undefined,
      );
    }
  };

  // A destroy filter's matches must go, unless the plan creates them again (destroy, then create).
  const destroyed = new Map<string, Set<string>>();
  const destroyMatching = (object: DeclaredObject) => {
    const live = registry[object.type];
    const kept = new Set(
      declared.filter(d => d.type === object.type).map(d => matches.get(d)),
    );
    const label = schema.lists?.[object.type]?.labelProperty ?? 'id';
    for (const [id, liveObject] of Object.entries(live)) {
      if (kept.has(id) || !matchesFilter(liveObject, object.filter ?? {}))
        continue;
      if (!destroyed.has(object.type)) destroyed.set(object.type, new Set());
      destroyed.get(object.type)!.add(id);
      observe(
        object.type,
        String(liveObject[label] ?? id),
        {
          class: 'changed-live',
          explanation: 'edited-in-registry',
          live: safeObject(schema, object.type, liveObject),
        },
        { id },
        { kind: 'destroy', type: object.type, id },
      );
    }
  };

  const declaredTypes = new Set<string>();
  for (const object of declared) {
    declaredTypes.add(object.type);
    if (!registry[object.type]) continue;
    if (object.operation === 'destroy') {
      destroyMatching(object);
      continue;
    }
    if (
      !isSingletonType(schema, object.type) &&
      !object.id &&
      object.matchOn.length === 0
    ) {
      if (!errors.some(e => e.source === `plan:${object.type}`))
        errors.push({
          source: `plan:${object.type}`,
          message: `${object.type} has no natural key (no matchOn in the plan, no labelProperty in the schema), so its objects were not compared.`,
        });
      continue;
    }
    const id = matches.get(object);
    const singleton = isSingletonType(schema, object.type);
    const naturalKey = singleton
      ? 'singleton'
      : object.id ?? naturalKeyOf(object.value, object.matchOn);
    const value = resolveReferences(object.value, liveIds) as Record<
      string,
      unknown
    >;
    if (!id) {
      const unresolved = JSON.stringify(value).includes('"#');
      observe(
        object.type,
        naturalKey,
        {
          class: 'missing-live',
          explanation: 'not-in-registry',
          declared: safeObject(schema, object.type, value),
        },
        {},
        unresolved || object.id
          ? undefined
          : { kind: 'create', type: object.type, value },
      );
      continue;
    }
    const explanation: DriftExplanationId =
      object.type === 'x:DataStore' && anyStale
        ? 'pod-on-old-config'
        : 'edited-in-registry';
    compareObject(
      object.type,
      id,
      naturalKey,
      value,
      explanation,
      object.operation === 'update' && !!object.id,
    );
  }

  for (const [type, live] of Object.entries(registry)) {
    const singleton = isSingletonType(schema, type);
    if (singleton && !declaredTypes.has(type) && live.singleton) {
      compareObject(type, 'singleton', 'singleton', undefined, 'database-only');
      continue;
    }
    if (singleton || !declaredTypes.has(type)) continue;
    const matched = new Set(
      declared.filter(d => d.type === type).map(d => matches.get(d)),
    );
    for (const id of destroyed.get(type) ?? []) matched.add(id);
    const label = schema.lists?.[type]?.labelProperty ?? 'id';
    for (const [id, object] of Object.entries(live)) {
      if (matched.has(id)) continue;
      const server = isServerDefaultObject(schema, type, object);
      observe(
        type,
        String(object[label] ?? id),
        {
          class: server ? 'database-only-server' : 'database-only-user',
          explanation: server ? 'server-managed' : 'database-only',
          live: safeObject(schema, type, object),
        },
        { id },
        { kind: 'destroy', type, id },
      );
    }
  }

  const collected = collector.items();
  return {
    engine: 'v0.16',
    items: collected.items,
    counts: countByClass(collected.items),
    pods,
    errors,
    storedKeys: {},
    registryFixes: ItemCollector.attachmentsById(collected),
  };
}
