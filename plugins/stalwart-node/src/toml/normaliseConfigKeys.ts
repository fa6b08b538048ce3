import { FlatConfig } from './types';
import { sortFlatConfig } from './sortFlatConfig';

const NUMERIC_SEGMENT = /^\d+$/;

/**
 * Rewrites every all-digit path segment as a plain integer, so the file's `k.0001`,
 * the webadmin's `k.1` and `k.01` name the same list element.
 *
 * @public
 */
export function normaliseConfigKey(key: string): string {
  return key
    .split('.')
    .map(segment =>
      NUMERIC_SEGMENT.test(segment)
        ? String(Number.parseInt(segment, 10))
        : segment,
    )
    .join('.');
}

/**
 * Brings a flat config into the form two sources can be compared in: integer indices,
 * and a one-element list `k.0` folded into the bare key `k`, because Stalwart reads a
 * scalar `k` exactly like `k.0` and the webadmin writes one-element lists bare.
 *
 * When two source keys collapse onto one comparison key (`k.0000` and `k.0`), the
 * first in Stalwart's key order is kept. A bare `k` beside `k.0000` stays separate:
 * `Config::values(k)` reads them as two list elements.
 *
 * @public
 */
export function normaliseConfigKeys(config: FlatConfig): FlatConfig {
  const indexed = new Map<string, string>();
  for (const [key, value] of Object.entries(sortFlatConfig(config))) {
    const normalised = normaliseConfigKey(key);
    if (!indexed.has(normalised)) indexed.set(normalised, value);
  }

  const children = childSegments(indexed.keys());
  const result: FlatConfig = {};
  for (const [key, value] of indexed) {
    const parent = key.endsWith('.0') ? key.slice(0, -2) : undefined;
    const foldsToParent =
      parent !== undefined &&
      children.get(parent)?.size === 1 &&
      !children.has(key) &&
      !indexed.has(parent);
    const target = foldsToParent ? parent! : key;
    if (!(target in result)) result[target] = value;
  }
  return sortFlatConfig(result);
}

/** For every key prefix, the distinct segments that follow it in some key. */
function childSegments(keys: Iterable<string>): Map<string, Set<string>> {
  const children = new Map<string, Set<string>>();
  for (const key of keys) {
    const segments = key.split('.');
    let parent = segments[0];
    for (let i = 1; i < segments.length; i++) {
      let set = children.get(parent);
      if (!set) children.set(parent, (set = new Set()));
      set.add(segments[i]);
      parent = `${parent}.${segments[i]}`;
    }
  }
  return children;
}
