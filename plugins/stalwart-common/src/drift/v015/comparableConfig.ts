import {
  normaliseConfigKey,
  normaliseConfigKeys,
  type FlatConfig,
} from '../../toml';

/**
 * A flat config in comparison form (stalwart-v015.md §2.5: integer indices, scalar `k` ==
 * `k.0`), remembering which source keys each comparison key came from: the settings API
 * deletes keys by the spelling they are stored under.
 */
export interface ComparableConfig {
  values: Map<string, string>;
  sourceKeys: Map<string, string[]>;
}

/** Builds the comparison form with the toml module's normalisation (no second flattener). */
export function comparableConfig(flat: FlatConfig): ComparableConfig {
  const values = new Map(Object.entries(normaliseConfigKeys(flat)));
  const sourceKeys = new Map<string, string[]>();
  for (const key of Object.keys(flat)) {
    const normalised = normaliseConfigKey(key);
    // normaliseConfigKeys folds a lone `k.0` into `k`.
    const target =
      !values.has(normalised) && normalised.endsWith('.0')
        ? normalised.slice(0, -2)
        : normalised;
    const keys = sourceKeys.get(target);
    if (keys) keys.push(key);
    else sourceKeys.set(target, [key]);
  }
  return { values, sourceKeys };
}

/**
 * The comparison key under which `config` holds `key`, allowing for the other side having
 * folded (or not folded) a one-element list: a file's `k.0000` beside a database `k.0001`
 * stays `k.0`, while the file alone folds it to `k`.
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
