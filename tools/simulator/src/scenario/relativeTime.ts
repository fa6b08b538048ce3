const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Replaces `${now}`, `${now+5d}`, `${now-90m}` (units s, m, h, d) with RFC 3339 UTC
 * timestamps, so a scenario's certificate that "expires in 5 days" never goes stale.
 */
export function resolveRelativeTimes(text: string, now: Date): string {
  return text.replace(
    /\$\{now(?:([+-])(\d+)([smhd]))?\}/g,
    (_m, sign?: string, amount?: string, unit?: string) => {
      const offset = sign
        ? (sign === '-' ? -1 : 1) * Number(amount) * UNIT_MS[unit!]
        : 0;
      return new Date(now.getTime() + offset)
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
    },
  );
}
