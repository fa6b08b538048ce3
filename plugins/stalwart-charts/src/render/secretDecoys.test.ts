import { exampleInstanceSpec, parseInstanceSpec } from '../spec';
import { renderInstance } from './renderInstance';
import { specMatrix } from '@stalwart-backstage/test-harness/charts';

/** Secret-looking strings a careless spec might carry, in places a secret might hide. */
const DECOYS = [
  'ghp_Zx8fQ2mN7pL4vR9tK3wY6bH1aaaa',
  'postgres://stalwart:S3cr3tPassw0rd@db.example.com/stalwart',
  '-----BEGIN PRIVATE KEY-----',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlc2lnbmF0dXJl',
  'AKIAIOSFODNN7EXAMPLE',
  'Tr0ub4dor&3-correct-Horse-battery',
];

const PLACES: Array<(spec: any, decoy: string) => void> = [
  (s, d) => (s.service = { annotations: { 'example.com/note': d } }),
  (s, d) => (s.http = { ...s.http, annotations: { 'example.com/auth': d } }),
  (s, d) => (s.secrets.externalSecrets = { store: 'vault', remoteKey: d }),
  (s, d) => (s.storage.postgresql.user = d),
  (s, d) => (s.hostname = d),
];

describe('secret-looking values', () => {
  it.each(DECOYS)('are refused wherever the spec carries %s', decoy => {
    for (const place of PLACES) {
      const spec = exampleInstanceSpec('antigenic') as any;
      place(spec, decoy);
      expect(parseInstanceSpec(spec).ok).toBe(false);
    }
  });

  it('never appear in any generated file, for any flavor, engine or provider', async () => {
    for (const { spec } of specMatrix()) {
      for (const file of await renderInstance(spec, {
        owner: 'group:default/mail',
      })) {
        for (const decoy of DECOYS) expect(file.content).not.toContain(decoy);
        expect(file.content).not.toMatch(
          /change-me|BEGIN [A-Z ]*PRIVATE KEY|:\/\/[^/\s:@]+:[^/\s@]+@/,
        );
      }
    }
  });
});
