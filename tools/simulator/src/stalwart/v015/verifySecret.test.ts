import { createHash } from 'node:crypto';
import { verifySecret } from './verifySecret';

// api-facts "v0.15 authentication": S v0.15.5 crates/directory/src/core/secret.rs verify_secret_hash.
describe('verifySecret, the fallback admin secret check', () => {
  it('accepts a plain-text secret only when equal', () => {
    expect(verifySecret('s3cret', 's3cret')).toBe(true);
    expect(verifySecret('s3cret', 'other')).toBe(false);
  });

  it('accepts {SHA512} and {SHA256} base64 digests of the secret', () => {
    const sha512 = createHash('sha512').update('s3cret').digest('base64');
    const sha256 = createHash('sha256').update('s3cret').digest('base64');
    expect(verifySecret(`{SHA512}${sha512}`, 's3cret')).toBe(true);
    expect(verifySecret(`{SHA256}${sha256}`, 's3cret')).toBe(true);
    expect(verifySecret(`{SHA512}${sha512}`, 'other')).toBe(false);
  });

  it('accepts a salted {SSHA512} digest (digest then salt, base64)', () => {
    const salt = Buffer.from('pepper');
    const digest = createHash('sha512').update('s3cret').update(salt).digest();
    const stored = `{SSHA512}${Buffer.concat([digest, salt]).toString(
      'base64',
    )}`;
    expect(verifySecret(stored, 's3cret')).toBe(true);
    expect(verifySecret(stored, 'other')).toBe(false);
  });

  it('never takes a hash as the password itself', () => {
    const sha512 = createHash('sha512').update('s3cret').digest('base64');
    expect(verifySecret(`{SHA512}${sha512}`, `{SHA512}${sha512}`)).toBe(false);
    expect(verifySecret('$6$salt$hash', '$6$salt$hash')).toBe(false);
  });
});
