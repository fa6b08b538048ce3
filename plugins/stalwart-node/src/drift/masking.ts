import { secretLikeReason } from '@stalwart-backstage/plugin-stalwart-charts';

/**
 * A value as the drift engines carry it: its text only when it is safe to show, always a
 * digest to compare by. Values are sanitised the moment they enter an engine, so a
 * secret cannot reach an item, a plan or a log by a later mistake.
 */
export interface SafeValue {
  /** The text to show; absent when masked. */
  text?: string;
  /** Equal digests mean equal values. */
  digest: string;
  masked: boolean;
}

// Every part of the value is a %{env:…}% / %{file:…}% / %{cfg:…}% reference
// (stalwart-v015.md §2.6): it names where a secret lives, and is compared as written.
const MACRO_ONLY = /^(?:%\{(?:env|file|cfg):[^}]*\}%)+$/;

const SECRET_SEGMENTS = new Set([
  'secret',
  'secrets',
  'password',
  'token',
  'credentials',
  'auth',
  'private-key',
]);
// Keys ending `.key` that hold keys, not lookup expressions (`queue.limiter.*.key` is an expression).
const SECRET_KEYS = new Set(['oauth.key', 'cluster.key']);

/**
 * Whether a v0.15 settings key names a secret: `*.secret`, `*.password`, `*-key`, `*.token`,
 * anything under an `auth` block, private keys, `oauth.key`.
 *
 * @public
 */
export function isSecretLikeKey(key: string): boolean {
  const lower = key.toLowerCase();
  if (SECRET_KEYS.has(lower)) return true;
  const segments = lower.split('.');
  return segments.some(
    segment => SECRET_SEGMENTS.has(segment) || segment.endsWith('-key'),
  );
}

/** @public */
export function isMacroReference(value: string): boolean {
  return MACRO_ONLY.test(value);
}

/**
 * A fast 53-bit string hash (cyrb53). Equality only: isomorphic and synchronous, where
 * `crypto.subtle` is neither; a collision could at worst hide a changed secret, never reveal one.
 *
 * @public
 */
export function digestOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Sanitises a value read from config.toml, the settings API or the registry. A secret-like
 * key keeps only macro references visible; any value that looks like a secret (a PEM block,
 * a URL with credentials, a token, a hash) is masked whatever its key.
 *
 * @public
 */
export function safeValue(secretLikeField: boolean, text: string): SafeValue {
  // A shown value is its own digest; only withheld ones need hashing.
  if (isMacroReference(text))
    return { text, digest: `=${text}`, masked: false };
  if (secretLikeField || secretLikeReason(text) !== undefined) {
    return { digest: `#${digestOf(text)}`, masked: true };
  }
  return { text, digest: `=${text}`, masked: false };
}
