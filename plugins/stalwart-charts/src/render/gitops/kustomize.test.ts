import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { renderInstance } from '../renderInstance';
import { specMatrix } from '@stalwart-backstage/test-harness/charts';

const KUBECTL = '/usr/bin/kubectl';
const fluxCases = specMatrix().filter(c => c.engine === 'flux');

describe('the Flux output', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stalwart-kustomize-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each(fluxCases.map(c => [c.id, c.spec] as const))(
    '%s builds with kubectl kustomize',
    async (id, spec) => {
      const dir = path.join(root, id, spec.gitops.path);
      for (const file of await renderInstance(spec)) {
        fs.mkdirSync(path.dirname(path.join(dir, file.path)), {
          recursive: true,
        });
        fs.writeFileSync(path.join(dir, file.path), file.content);
      }
      const built = execFileSync(KUBECTL, ['kustomize', dir], {
        encoding: 'utf8',
      });
      const objects = parseAllDocuments(built).map(d => d.toJS());
      const values = objects.find(o => o.kind === 'ConfigMap');
      const release = objects.find(o => o.kind === 'HelmRelease');
      // The generated ConfigMap carries a content hash and the HelmRelease follows the rename.
      expect(values.metadata.name).toMatch(
        new RegExp(`^${spec.name}-values-[a-z0-9]{10}$`),
      );
      expect(release.spec.valuesFrom[0].name).toBe(values.metadata.name);
      expect(values.data['values.yaml']).toBe(
        fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8'),
      );
      expect(
        objects.every(
          o =>
            o.kind === 'Namespace' || o.metadata.namespace === spec.namespace,
        ),
      ).toBe(true);
    },
  );
});
