import { FlatConfig } from './types';

/**
 * Orders keys the way Stalwart's `BTreeMap<String, _>` does: by UTF-8 bytes, which is
 * code point order (plain `sort()` compares UTF-16 units and differs above U+FFFF).
 *
 * @public
 */
export function compareConfigKeys(a: string, b: string): number {
  const ac = Array.from(a);
  const bc = Array.from(b);
  const n = Math.min(ac.length, bc.length);
  for (let i = 0; i < n; i++) {
    const d = ac[i].codePointAt(0)! - bc[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ac.length - bc.length;
}

/**
 * A copy of a flat config with its keys in Stalwart's order.
 *
 * @public
 */
export function sortFlatConfig(config: FlatConfig): FlatConfig {
  const sorted: FlatConfig = {};
  for (const key of Object.keys(config).sort(compareConfigKeys)) {
    sorted[key] = config[key];
  }
  return sorted;
}
