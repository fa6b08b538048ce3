import { useEffect, useState } from 'react';

const WIDE = '(min-width: 1200px)';

const matches = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(WIDE).matches
    : false;

/**
 * True on a screen wide enough for a side panel. Backstage UI's `useBreakpoint` decides once
 * per module load whether media queries exist, which a test cannot vary; this asks on mount.
 */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(WIDE);
    const update = () => setWide(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}
