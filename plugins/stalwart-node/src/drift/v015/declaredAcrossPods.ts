import type { DeclaredEntry, DeclaredSide } from './declaredSide';
import { alternativeKey } from './liveIndex';

/** One declared comparison key and what each pod's rendering of the ConfigMap says for it. */
export interface DeclaredKey {
  key: string;
  /** The spelling Stalwart reads as the same element (`k` / `k.0`). */
  alternative: string;
  /** Per pod (by position in the sides given): its entry, undefined when that pod's file lacks the key. */
  perPod: Array<DeclaredEntry | undefined>;
  /** Every pod's file declares the key with the same spelling and text: the first pod's entry. */
  onEveryPod?: DeclaredEntry;
}

// Pods differ only by their substitutions, and the sides are themselves cached per ConfigMap, so
// the same few side lists come back read after read: remember their merge by identity.
const merged = new WeakMap<
  DeclaredSide,
  Array<{ sides: readonly DeclaredSide[]; keys: DeclaredKey[] }>
>();
const MAX_LISTS_PER_SIDE = 8;

function sameSides(a: readonly DeclaredSide[], b: readonly DeclaredSide[]) {
  return a.length === b.length && a.every((side, i) => side === b[i]);
}

function merge(sides: readonly DeclaredSide[]): DeclaredKey[] {
  const byKey = new Map<string, DeclaredKey>();
  sides.forEach((side, pod) => {
    for (const entry of side.entries) {
      let declared = byKey.get(entry.key);
      if (!declared) {
        declared = {
          key: entry.key,
          alternative: alternativeKey(entry.key),
          perPod: new Array(sides.length),
        };
        byKey.set(entry.key, declared);
      }
      declared.perPod[pod] = entry;
    }
  });
  const keys = [...byKey.values()];
  for (const declared of keys)
    if (declaredAlike(declared.perPod))
      declared.onEveryPod = declared.perPod[0];
  return keys;
}

// A loop, not `every`: `perPod` has holes where a pod's file lacks the key, and `every` skips holes.
function declaredAlike(perPod: Array<DeclaredEntry | undefined>) {
  const first = perPod[0];
  for (let pod = 0; pod < perPod.length; pod++) {
    const entry = perPod[pod];
    if (!entry || !first || entry.text !== first.text) return false;
    if (entry.shown !== first.shown) return false;
  }
  return true;
}

/**
 * The declared keys of every pod, key by key (in the first pod's file order, then keys only
 * later pods declare), so one visit of a key covers all pods.
 */
export function declaredAcrossPods(
  sides: readonly DeclaredSide[],
): DeclaredKey[] {
  if (sides.length === 0) return [];
  let lists = merged.get(sides[0]);
  const known = lists?.find(list => sameSides(list.sides, sides));
  if (known) return known.keys;
  const keys = merge(sides);
  if (!lists || lists.length >= MAX_LISTS_PER_SIDE) {
    lists = [];
    merged.set(sides[0], lists);
  }
  lists.push({ sides: [...sides], keys });
  return keys;
}
