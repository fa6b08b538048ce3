/**
 * Wraps a value that must replace, not merge into, the default at its key.
 *
 * @public
 */
export class Replace<T> {
  constructor(readonly value: T) {}
}

/** @public */
export type Overrides = { [key: string]: unknown };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Replace);

/**
 * Merges overrides into chart defaults: objects recursively, everything else replaced, keeping
 * the defaults' key order (so rendered values read like the chart's own values.yaml).
 */
export function deepMerge(base: unknown, overrides: unknown): unknown {
  if (overrides instanceof Replace) return overrides.value;
  if (!isPlainObject(base) || !isPlainObject(overrides)) {
    return overrides === undefined ? base : overrides;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base))
    out[key] = deepMerge(base[key], overrides[key]);
  for (const key of Object.keys(overrides)) {
    if (!(key in base)) out[key] = deepMerge(undefined, overrides[key]);
  }
  return out;
}
