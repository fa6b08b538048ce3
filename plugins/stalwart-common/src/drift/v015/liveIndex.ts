import type { FlatConfig } from '../../toml';
import { comparisonKey } from './comparableConfig';

/** One comparison key as every read pod serves it. */
export interface LiveKey {
  /** The comparison key. */
  key: string;
  /** Per pod (by position in the index's input): the raw value served, undefined when not served. */
  texts: Array<string | undefined>;
  /** How many pods serve it: database keys are shared, so every pod serves those. */
  servedBy: number;
  /**
   * Per pod, the spellings the key is stored under when not just the comparison key (the
   * settings API deletes keys by their stored spelling); absent for most keys.
   */
  sources?: Array<string[] | undefined>;
  /** Per pod, whether a declared key of that pod's file claimed this entry (set while comparing). */
  claimedBy?: boolean[];
  /** How many pods' declared keys claimed it. */
  claims?: number;
}

/**
 * Every pod's `/api/settings/list` folded into one map, key by key: the engine then visits each
 * setting once for all pods instead of once per pod, and most settings read the same on every pod.
 */
export interface LiveIndex {
  keys: Map<string, LiveKey>;
  pods: number;
}

/**
 * Builds the index from each pod's settings in comparison form (integer indices,
 * `normaliseConfigKey`); of two spellings of one element on one pod the first in key order wins.
 */
export function liveIndexOf(settings: readonly FlatConfig[]): LiveIndex {
  const keys = new Map<string, LiveKey>();
  const pods = settings.length;
  for (let pod = 0; pod < pods; pod++) {
    const flat = settings[pod];
    for (const raw of Object.keys(flat)) {
      // Comparison keys are normalised already, so a raw key found as one is its own comparison
      // key: later pods, which mostly serve the first one's keys, skip the normalisation lookup.
      let live = pod > 0 ? keys.get(raw) : undefined;
      const key = live ? raw : comparisonKey(raw);
      live ??= keys.get(key);
      if (!live) {
        live = { key, texts: new Array(pods), servedBy: 0 };
        keys.set(key, live);
      }
      if (live.texts[pod] === undefined) {
        live.texts[pod] = flat[raw];
        live.servedBy += 1;
        if (key !== raw) setSources(live, pod, [raw]);
        continue;
      }
      const sources = live.sources?.[pod];
      if (sources) sources.push(raw);
      else setSources(live, pod, [key, raw]);
    }
  }
  return { keys, pods };
}

/** Records that `pod`'s file declares the entry, so it is not live-only on that pod. */
export function claim(live: LiveKey, pod: number) {
  live.claimedBy ??= new Array(live.texts.length);
  if (live.claimedBy[pod]) return;
  live.claimedBy[pod] = true;
  live.claims = (live.claims ?? 0) + 1;
}

/** The spellings `pod` stores the key under (the settings API deletes by these). */
export function storedSpellings(live: LiveKey, pod: number): string[] {
  const sources = live.sources?.[pod];
  if (sources) return sources;
  live.sources ??= new Array(live.texts.length);
  return (live.sources[pod] = [live.key]);
}

function setSources(live: LiveKey, pod: number, sources: string[]) {
  live.sources ??= new Array(live.texts.length);
  live.sources[pod] = sources;
}

/**
 * The entry that serves a key to `pod`, treating a scalar `k` and `k.0` as one (§2.4): `primary`
 * holds the key, `alternative` its other spelling (`alternativeKey`), each looked up once per key.
 */
export function liveKeyForPod(
  primary: LiveKey | undefined,
  alternative: LiveKey | undefined,
  pod: number,
): LiveKey | undefined {
  if (primary && primary.texts[pod] !== undefined) return primary;
  if (alternative && alternative.texts[pod] !== undefined) return alternative;
  return undefined;
}

/** `k.0` for a scalar `k`, `k` for `k.0`: the spelling Stalwart reads as the same element. */
export function alternativeKey(key: string): string {
  return key.endsWith('.0') ? key.slice(0, -2) : `${key}.0`;
}
