/** Sets (or, with `undefined`, deletes) the field a drift item's JSON pointer names. */
export function setAtPointer(
  target: Record<string, any>,
  pointer: string,
  value: unknown,
): void {
  const path = pointer.split('/');
  const last = path.pop()!;
  let at = target;
  for (const segment of path) {
    if (at[segment] === undefined || typeof at[segment] !== 'object') {
      if (value === undefined) return;
      at[segment] = {};
    }
    at = at[segment];
  }
  if (value === undefined) delete at[last];
  else at[last] = value;
}
