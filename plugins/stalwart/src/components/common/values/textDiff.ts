/** Two texts split into the part they share at each end and the part that differs. */
export interface TextDiff {
  prefix: string;
  before: string;
  after: string;
  suffix: string;
}

/**
 * Common prefix and suffix, so `[::]:25` → `[::]:2525` highlights only the added `25`. A
 * one-line value rarely changes in two places, and a full diff would over-fragment short text.
 */
export function textDiff(before: string, after: string): TextDiff {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < shortest - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return {
    prefix: before.slice(0, start),
    before: before.slice(start, before.length - end),
    after: after.slice(start, after.length - end),
    suffix: before.slice(before.length - end),
  };
}
