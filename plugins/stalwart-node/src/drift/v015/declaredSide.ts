import {
  localKeyPatternsOf,
  parseStalwartToml,
  type LocalKeyPatterns,
} from '../../toml';
import { isSecretLikeKey, safeValue, type SafeValue } from '../masking';
import { comparableConfig, type ComparableConfig } from './comparableConfig';

/** One declared setting, ready to compare: what every pod's run needs, computed once. */
export interface DeclaredEntry {
  /** The comparison key. */
  key: string;
  /** The key as config.toml spells it, which items show. */
  shown: string;
  /** The raw declared value: a live value equal to it shares its sanitised form. */
  text: string;
  value: SafeValue;
}

/** The ConfigMap as one pod's init container rendered it, in comparison form. */
export interface DeclaredSide {
  config: ComparableConfig;
  patterns: LocalKeyPatterns;
  entries: DeclaredEntry[];
}

// Keys are names, not values: remembering their verdict across reads is safe and saves a
// split per key per pod per read.
const secretLikeKeys = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 200_000;

/** `isSecretLikeKey`, remembered. */
export function isSecretLikeKeyCached(key: string): boolean {
  let secret = secretLikeKeys.get(key);
  if (secret === undefined) {
    if (secretLikeKeys.size >= MAX_REMEMBERED_KEYS) secretLikeKeys.clear();
    secret = isSecretLikeKey(key);
    secretLikeKeys.set(key, secret);
  }
  return secret;
}

function substitute(text: string, substitutions: Record<string, string>) {
  let result = text;
  for (const [placeholder, value] of Object.entries(substitutions))
    result = result.split(placeholder).join(value);
  return result;
}

function buildDeclaredSide(text: string): DeclaredSide {
  const flat = parseStalwartToml(text);
  const config = comparableConfig(flat);
  const entries: DeclaredEntry[] = [];
  for (const [key, value] of config.values)
    entries.push({
      key,
      shown: config.sourceKeys.get(key)?.[0] ?? key,
      text: value,
      value: safeValue(isSecretLikeKeyCached(key), value),
    });
  return { config, patterns: localKeyPatternsOf(flat), entries };
}

// The ConfigMap rarely changes between reads, and its pods differ only by their substitutions:
// keep the last few ConfigMaps' declared sides (pure: same text and substitutions, same result).
// Keyed by the unsubstituted text, so a repeated read neither substitutes nor hashes a new copy.
const byConfigText = new Map<string, Map<string, DeclaredSide>>();
const MAX_CONFIG_TEXTS = 16;
const MAX_SUBSTITUTIONS_PER_TEXT = 64;

/**
 * The declared side for a pod whose init container applies `substitutions` to `configToml`.
 * Throws the parser's `StalwartTomlError` for a file Stalwart would refuse (never cached).
 */
export function declaredSideFor(
  configToml: string,
  substitutions: Record<string, string>,
): DeclaredSide {
  let perPod = byConfigText.get(configToml);
  if (!perPod) {
    perPod = new Map();
    if (byConfigText.size >= MAX_CONFIG_TEXTS)
      byConfigText.delete(byConfigText.keys().next().value!);
    byConfigText.set(configToml, perPod);
  }
  const substitutionsKey = JSON.stringify(Object.entries(substitutions));
  let side = perPod.get(substitutionsKey);
  if (!side) {
    side = buildDeclaredSide(substitute(configToml, substitutions));
    if (perPod.size >= MAX_SUBSTITUTIONS_PER_TEXT) perPod.clear();
    perPod.set(substitutionsKey, side);
  }
  return side;
}
