import {
  schemaHashPrefixFor,
  versionsForSchemaHash,
} from './schemaHashVersions';

// The table is stalwart-v016.md §4 "Version".
describe('the v0.16 schema hash table', () => {
  it('names the versions that serve a schema hash by its prefix', () => {
    expect(versionsForSchemaHash('25gnQz0rest-of-the-digest')).toEqual([
      '0.16.18',
    ]);
    expect(versionsForSchemaHash('nGrZ...')).toEqual([
      '0.16.6',
      '0.16.7',
      '0.16.8',
    ]);
  });

  it('knows no version for a hash outside the table', () => {
    expect(versionsForSchemaHash('zzzz')).toEqual([]);
  });

  it('gives the prefix a version serves, with or without a leading v', () => {
    expect(schemaHashPrefixFor('v0.16.0')).toBe('aJJK');
    expect(schemaHashPrefixFor('0.16.3')).toBe('BzNq');
    expect(schemaHashPrefixFor('0.15.5')).toBeUndefined();
  });
});
