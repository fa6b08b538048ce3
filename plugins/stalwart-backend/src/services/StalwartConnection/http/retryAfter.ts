/**
 * A `Retry-After` header in milliseconds (RFC 9110 §10.2.3: delay-seconds or an HTTP-date),
 * or `undefined` when absent or unreadable.
 */
export function retryAfterMs(
  header: string | string[] | undefined,
  now: () => number = Date.now,
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP-dates end in GMT; Date.parse alone would take "-5" for a year.
  const date = /GMT$/.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
