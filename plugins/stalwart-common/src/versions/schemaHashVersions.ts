// stalwart-v016.md §4 "Version": the first characters of the `/api/schema/<hash>` redirect
// (resources/schema/schema.json.sha256 at each tag) name the Stalwart versions that serve it.
const SCHEMA_HASH_PREFIXES: ReadonlyArray<
  readonly [string, readonly string[]]
> = [
  ['aJJK', ['0.16.0']],
  ['_pII', ['0.16.1']],
  ['BzNq', ['0.16.2', '0.16.3']],
  ['2-nY', ['0.16.4', '0.16.5']],
  ['nGrZ', ['0.16.6', '0.16.7', '0.16.8']],
  ['-bCN', ['0.16.9']],
  ['wtAc', ['0.16.10']],
  ['nvdI', ['0.16.11']],
  ['lV3e', ['0.16.12']],
  ['sEuY', ['0.16.13']],
  ['qQQw', ['0.16.14']],
  ['MjKR', ['0.16.15']],
  ['qrkH', ['0.16.16']],
  ['ST4-', ['0.16.17']],
  ['25gn', ['0.16.18']],
];

/**
 * The Stalwart v0.16 versions whose registry schema has this hash; empty for a hash the
 * table does not know.
 *
 * @public
 */
export function versionsForSchemaHash(hash: string): string[] {
  const match = SCHEMA_HASH_PREFIXES.find(([prefix]) =>
    hash.startsWith(prefix),
  );
  return match ? [...match[1]] : [];
}

/**
 * The schema hash prefix a Stalwart v0.16 version serves (`v` prefix optional), if known.
 *
 * @public
 */
export function schemaHashPrefixFor(version: string): string | undefined {
  const plain = version.replace(/^v/, '');
  return SCHEMA_HASH_PREFIXES.find(([, versions]) =>
    versions.includes(plain),
  )?.[0];
}
