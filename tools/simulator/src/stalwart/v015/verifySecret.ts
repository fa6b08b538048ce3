import { createHash } from 'node:crypto';

// S v0.15.5 crates/directory/src/core/secret.rs `verify_secret_hash`: the fallback admin's secret
// may be stored hashed. The `{ALGO}base64` forms are simulated; `$argon2…`, `$2…` (bcrypt) and
// the crypt(3) forms are not (a secret in those forms never matches here).
const DIGESTS: Record<string, [string, number]> = {
  SHA: ['sha1', 20],
  SHA256: ['sha256', 32],
  SHA512: ['sha512', 64],
};

export function verifySecret(stored: string, secret: string): boolean {
  const tagged = stored.match(/^\{([A-Za-z0-9]+)\}(.*)$/s);
  if (!tagged) return !stored.startsWith('$') && stored === secret;
  const [, algo, hashed] = tagged;
  if (/^(plain|clear)$/i.test(algo)) return hashed === secret;
  const salted = algo.startsWith('S') && DIGESTS[algo.slice(1)];
  const [name, length] = salted || DIGESTS[algo] || [];
  if (!name) return false;
  if (!salted)
    return createHash(name).update(secret).digest('base64') === hashed;
  const decoded = Buffer.from(hashed, 'base64');
  const digest = createHash(name)
    .update(secret)
    .update(decoded.subarray(length))
    .digest();
  return digest.equals(decoded.subarray(0, length));
}
