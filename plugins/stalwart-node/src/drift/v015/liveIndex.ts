import type { FlatConfig } from '../../toml';
import { comparisonKey } from './comparableConfig';

/**
 * One comparison key as every read pod serves it. Most keys read the same on every pod, so the
 * value is held once; per-pod texts exist only for keys whose pods disagree or skip them.
 */
export interface LiveKey {
  /** The comparison key. */
  key: string;
  /** The first pod (by position in the index's input) that serves it, and the text it serves. */
  firstPod: number;
  text: string;
  /** How many pods serve it: database keys are shared, so every pod serves those. */
  servedBy: number;
  /** Per pod the raw text served (undefined: not served), once pods differ; see `textOn`. */
  texts?: Array<string | undefined>;
  /**
   * The spelling the key is stored under (the settings API deletes keys by it), as one list for
   * every pod that stores it so: the first pod's one spelling; absent: the comparison key.
   */
  stored?: string[];
  /** Per pod, its spellings where they differ from `stored` (another, or several); see `storedSpellings`. */
  sources?: Array<string[] | undefined>;
  /** Per pod, whether a declared key of that pod's file claimed this entry, once only some pods did. */
  claimedBy?: boolean[];
  /** How many pods' declared keys claimed it. */
  claims: number;
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
  // Pods mostly list the same keys in the same order: a key at the position where the first
  // pod listed it is found without a lookup.
  let firstRaws: string[] = [];
  let firstEntries: LiveKey[] = [];
  for (let pod = 0; pod < pods; pod++) {
    const flat = settings[pod];
    const raws = Object.keys(flat);
    const entries = pod === 0 ? new Array<LiveKey>(raws.length) : undefined;
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i];
      const text = flat[raw];
      let live = firstRaws[i] === raw ? firstEntries[i] : undefined;
      if (!live) {
        // Comparison keys are normalised already, so a raw key found as one is its own
        // comparison key: later pods skip the normalisation lookup.
        live = pod > 0 ? keys.get(raw) : undefined;
        const key = live ? raw : comparisonKey(raw);
        live ??= keys.get(key);
        if (!live) {
          live = { key, firstPod: pod, text, servedBy: 0, claims: 0 };
          keys.set(key, live);
        }
      }
      if (entries) entries[i] = live;
      serve(live, pod, pods, raw, text);
    }
    if (entries) {
      firstRaws = raws;
      firstEntries = entries;
    }
  }
  return { keys, pods };
}

function serve(
  live: LiveKey,
  pod: number,
  pods: number,
  raw: string,
  text: string,
) {
  if (textOn(live, pod) !== undefined) {
    // Another spelling of a key this pod serves already: the first one's value stands.
    const sources = live.sources?.[pod];
    if (sources) sources.push(raw);
    else setSources(live, pod, [sharedSpelling(live), raw]);
    return;
  }
  const contiguous = pod === live.firstPod + live.servedBy;
  if (!live.texts && (text !== live.text || !contiguous)) {
    live.texts = new Array(pods);
    for (let p = live.firstPod; p < live.firstPod + live.servedBy; p++)
      live.texts[p] = live.text;
  }
  if (live.texts) live.texts[pod] = text;
  if (live.servedBy === 0) {
    if (raw !== live.key) live.stored = [raw];
  } else if (raw !== sharedSpelling(live)) setSources(live, pod, [raw]);
  live.servedBy += 1;
}

/** The raw value `pod` serves under the key, undefined when it does not serve it. */
export function textOn(live: LiveKey, pod: number): string | undefined {
  if (live.texts) return live.texts[pod];
  return pod >= live.firstPod && pod < live.firstPod + live.servedBy
    ? live.text
    : undefined;
}

/** Whether each of the index's `pods` serves the key, all with the same value (`live.text`). */
export function servedAlikeByAll(live: LiveKey, pods: number): boolean {
  return !live.texts && live.servedBy === pods;
}

/** Records that `pod`'s file declares the entry, so it is not live-only on that pod. */
export function claim(live: LiveKey, pod: number) {
  if (live.claims === live.servedBy) return;
  live.claimedBy ??= [];
  if (live.claimedBy[pod]) return;
  live.claimedBy[pod] = true;
  live.claims += 1;
}

/** Records that every pod serving the entry declares it. */
export function claimByAll(live: LiveKey) {
  live.claims = live.servedBy;
}

/** Whether `pod`'s file declares the entry. */
export function isClaimedBy(live: LiveKey, pod: number): boolean {
  return live.claims === live.servedBy || live.claimedBy?.[pod] === true;
}

/** The spellings `pod` stores the key under (the settings API deletes by these). */
export function storedSpellings(live: LiveKey, pod: number): string[] {
  return live.sources?.[pod] ?? (live.stored ??= [live.key]);
}

/** The spelling pods store the key under unless `sources` says otherwise (no list allocated). */
function sharedSpelling(live: LiveKey): string {
  return live.stored?.[0] ?? live.key;
}

function setSources(live: LiveKey, pod: number, sources: string[]) {
  live.sources ??= [];
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
  if (primary && textOn(primary, pod) !== undefined) return primary;
  if (alternative && textOn(alternative, pod) !== undefined) return alternative;
  return undefined;
}

/** `k.0` for a scalar `k`, `k` for `k.0`: the spelling Stalwart reads as the same element. */
export function alternativeKey(key: string): string {
  return key.endsWith('.0') ? key.slice(0, -2) : `${key}.0`;
}
