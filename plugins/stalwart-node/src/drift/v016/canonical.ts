/**
 * One spelling per value (stalwart-v016.md §1 "Encoding", §5 "Normalise"): `null` is absent,
 * a list is `{"0":…}` whether it came as a JSON array or in the registry's encoding, and
 * object keys are sorted, so equal values have equal JSON.
 */
export function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    value.forEach((v, i) => {
      const c = canonicalValue(v);
      if (c !== undefined) out[String(i)] = c;
    });
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const c = canonicalValue((value as Record<string, unknown>)[key]);
      if (c !== undefined) out[key] = c;
    }
    // An empty list, set or map says as little as an absent one.
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

export function canonicalJson(value: unknown): string | undefined {
  const c = canonicalValue(value);
  return c === undefined ? undefined : JSON.stringify(c);
}
