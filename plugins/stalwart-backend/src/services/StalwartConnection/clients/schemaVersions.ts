// stalwart-v016.md §4 "Version": the first characters of the `/api/schema/<hash>` redirect
// (resources/schema/schema.json.sha256 at each tag) name the Stalwart versions that serve it.
const SCHEMA_HASH_PREFIXES: Array<[string, string[]]> = [
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

/** The versions whose schema has this hash; empty for a hash the table does not know. */
export function versionsForSchemaHash(hash: string): string[] {
  return (
    SCHEMA_HASH_PREFIXES.find(([prefix]) => hash.startsWith(prefix))?.[1] ?? []
  );
}
