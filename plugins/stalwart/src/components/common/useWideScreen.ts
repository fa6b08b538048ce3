import { useEffect, useState } from 'react';

const matches = (query: string) =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(query).matches
    : false;

/**
 * True on a screen at least `minWidth` pixels wide (by default, wide enough for a side panel).
 * Backstage UI's `useBreakpoint` decides once per module load whether media queries exist,
 * which a test cannot vary; this asks on mount.
 */
export function useWideScreen(minWidth = 1200): boolean {
  const media = `(min-width: ${minWidth}px)`;
  const [wide, setWide] = useState(() => matches(media));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(media);
    setWide(query.matches);
    const update = () => setWide(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [media]);
  return wide;
}
