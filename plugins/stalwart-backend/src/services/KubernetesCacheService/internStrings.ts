/** Strings longer than this are rarely shared between objects (config files, certificates). */
const MAX_INTERNED_LENGTH = 128;
/**
 * Bounds the table; when full it starts afresh (copies already shared stay shared). An entry
 * costs a map slot: its string is the one a cached object holds anyway.
 */
const MAX_ENTRIES = 200_000;
/** Values unique to each object: interning them would only churn the table. */
const UNIQUE_KEYS = new Set(['uid', 'resourceVersion', 'creationTimestamp']);

let table = new Map<string, string>();

function intern(value: string): string {
  if (value.length > MAX_INTERNED_LENGTH) return value;
  const known = table.get(value);
  if (known !== undefined) return known;
  if (table.size >= MAX_ENTRIES) table = new Map();
  table.set(value, value);
  return value;
}

/**
 * Replaces, in place, each short string value of a parsed object by one shared copy. JSON.parse
 * gives every object its own copy of each value, and a fleet's objects repeat most of theirs
 * (chart labels, images, condition types and reasons, issuer names, phases), so the cache would
 * otherwise hold thousands of copies of each.
 */
export function internStrings<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === 'string') value[i] = intern(item);
      else if (item && typeof item === 'object') internStrings(item);
    }
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') {
        if (!UNIQUE_KEYS.has(key)) record[key] = intern(item);
      } else if (item && typeof item === 'object') internStrings(item);
    }
  }
  return value;
}
