/** A duration as people say it in a status line: `45 s`, `12 min`, `3 h`, `2 d`. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86400)} d`;
}

/** Seconds from an ISO timestamp to `now`. */
export function secondsSince(iso: string, now: number = Date.now()): number {
  return (now - Date.parse(iso)) / 1000;
}
