/**
 * Heuristics for strings that look like secret values rather than names or references. The spec
 * never needs a secret value (secrets travel by reference), so a false positive costs a
 * rename while a false negative would commit a credential to git.
 */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/, 'a PEM block'],
  [
    /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i,
    'a URL with embedded credentials',
  ],
  [
    /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
    'a JSON Web Token',
  ],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [
    /\b(ghp|gho|ghs|ghu|github_pat|glpat|xox[abpr]|sk|rk|re|pk_live|sk_live)[-_][A-Za-z0-9_]{16,}/,
    'an API token',
  ],
  [/\$(2[aby]|6|5|argon2id?)\$[^\s]{16,}/, 'a password hash'],
];

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Why a string looks like a secret value, or undefined when it does not.
 *
 * @public
 */
export function secretLikeReason(value: string): string | undefined {
  for (const [pattern, reason] of SECRET_PATTERNS) {
    if (pattern.test(value)) return reason;
  }
  // Random keys and passwords: long tokens mixing upper case, lower case and digits, or long hex.
  // Length first: the drift engines ask this of every value, and most tokens are short.
  if (value.length < 20) return undefined;
  for (const token of value.split(/[\s,;]+/)) {
    if (token.length < 20) continue;
    if (token.length >= 32 && /^[0-9a-f]{32,}$/i.test(token))
      return 'a hex-encoded key';
    const mixed =
      /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
    if (mixed && entropy(token) >= 3.5) return 'a high-entropy token';
  }
  return undefined;
}

/** A string found under a path of a spec document. */
export interface FoundString {
  path: Array<string | number>;
  value: string;
  /** Whether the string is an object key (the last segment of `path`) rather than a value. */
  isKey: boolean;
}

/** Every string (values and object keys) in a JSON-like document, with its path. */
export function collectStrings(
  input: unknown,
  path: Array<string | number> = [],
  out: FoundString[] = [],
): FoundString[] {
  if (typeof input === 'string') out.push({ path, value: input, isKey: false });
  else if (Array.isArray(input))
    input.forEach((v, i) => collectStrings(v, [...path, i], out));
  else if (input && typeof input === 'object') {
    for (const [key, v] of Object.entries(input)) {
      out.push({ path: [...path, key], value: key, isKey: true });
      collectStrings(v, [...path, key], out);
    }
  }
  return out;
}
