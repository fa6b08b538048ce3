/** A value as lines a person reads: `path: value` for nested data, never raw JSON. */
export interface ReadableLine {
  /** JSON-pointer-like path below the value (`match/0/if`); empty for a scalar. */
  path: string;
  text: string;
}

/** Parses a drift value: v0.16 values are canonical JSON, v0.15 ones plain text. */
export function parseDriftValue(text: string, json: boolean): unknown {
  if (!json) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function scalarText(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return String(value);
}

const isScalar = (value: unknown) =>
  value === null || (typeof value !== 'object' && typeof value !== 'function');

/**
 * Flattens a value into leaf lines. A list of scalars stays on one line (`a, b, c`), since that
 * is how people write it; an empty list or object reads `(none)`.
 */
export function readableLines(value: unknown, path = ''): ReadableLine[] {
  if (isScalar(value)) return [{ path, text: scalarText(value) }];
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ path, text: '(none)' }];
    if (value.every(isScalar))
      return [{ path, text: value.map(scalarText).join(', ') }];
    return value.flatMap((v, i) => readableLines(v, join(path, String(i))));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [{ path, text: '(none)' }];
  return entries.flatMap(([k, v]) => readableLines(v, join(path, k)));
}

function join(path: string, segment: string) {
  return path ? `${path}/${segment}` : segment;
}

/** The whole value as one line of text, for a tooltip, a copy or a search. */
export function readableText(value: unknown): string {
  return readableLines(value)
    .map(l => (l.path ? `${l.path}: ${l.text}` : l.text))
    .join('; ');
}
