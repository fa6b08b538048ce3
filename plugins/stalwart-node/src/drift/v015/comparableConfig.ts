import { normaliseConfigKey, type FlatConfig } from '../../toml';

/**
 * A flat config in comparison form: integer indices (stalwart-v015.md §2.5, the toml module's
 * `normaliseConfigKey`), remembering which source keys each comparison key came from (the
 * settings API deletes keys by the spelling they are stored under). Scalar `k` == `k.0` is
 * applied at lookup (`findComparableKey`), which also covers one side folding and the other not.
 */
export interface ComparableConfig {
  values: Map<string, string>;
  /**
   * The source spellings, first in key order first, of comparison keys spelled otherwise or
   * several ways; absent: the comparison key is the one spelling (most keys, so no array each).
   */
  sourceKeys: Map<string, string[]>;
}

/** Normalised keys repeat across pods and reads; remembering them keeps a 5,000-key compare fast. */
const normalised = new Map<string, string>();
const MAX_REMEMBERED = 200_000;

/** `normaliseConfigKey`, remembered (keys are names, never values). */
export function comparisonKey(key: string): string {
  let result = normalised.get(key);
  if (result === undefined) {
    if (normalised.size >= MAX_REMEMBERED) normalised.clear();
    result = normaliseConfigKey(key);
    normalised.set(key, result);
  }
  return result;
}

/** Builds the comparison form; of two spellings of one element (`k.0000`, `k.0`) the first in key order wins, as in `normaliseConfigKeys`. */
export function comparableConfig(flat: FlatConfig): ComparableConfig {
  const values = new Map<string, string>();
  const sourceKeys = new Map<string, string[]>();
  for (const key of Object.keys(flat)) {
    const value = flat[key];
    const target = comparisonKey(key);
    if (!values.has(target)) {
      values.set(target, value);
      if (target !== key) sourceKeys.set(target, [key]);
      continue;
    }
    const keys = sourceKeys.get(target);
    if (keys) keys.push(key);
    else sourceKeys.set(target, [target, key]);
  }
  return { values, sourceKeys };
}

/**
 * The comparison key under which `config` holds `key`, treating a scalar `k` and `k.0` as one
 * (Stalwart's `Config::values(k)` reads both as the first element, §2.4).
 */
export function findComparableKey(
  config: ComparableConfig,
  key: string,
): string | undefined {
  if (config.values.has(key)) return key;
  if (key.endsWith('.0')) {
    const parent = key.slice(0, -2);
    if (config.values.has(parent)) return parent;
  } else if (config.values.has(`${key}.0`)) return `${key}.0`;
  return undefined;
}
