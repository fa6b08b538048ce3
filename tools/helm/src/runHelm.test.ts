import fs from 'node:fs';
import path from 'node:path';
import { HelmError, helmTemplate, helmVersion, parseManifest } from './runHelm';

const CHART_DIR = path.resolve(
  __dirname,
  '../../../../shared/reference/charts/antigenic/chart',
);
const haveChart = fs.existsSync(CHART_DIR);
if (!haveChart) {
  // eslint-disable-next-line no-console
  console.warn(
    `NOTICE: ${CHART_DIR} is absent; skipping helm template of a real chart`,
  );
}

describe('the Helm tool', () => {
  it('runs the pinned Helm v4.1.4 extracted from the npm package', async () => {
    expect(await helmVersion()).toMatch(/^v4\.1\.4\b/);
  });

  it('parses a multi-document manifest and skips empty documents', () => {
    expect(
      parseManifest(
        '---\n# only a comment\n---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: a\n',
      ),
    ).toEqual([
      { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a' } },
    ]);
  });
});

(haveChart ? describe : describe.skip)('Helm on a real chart', () => {
  it('renders a real chart with the release name and namespace given', async () => {
    const { objects } = await helmTemplate({
      release: 'mail-x',
      namespace: 'mail',
      chartDir: CHART_DIR,
      valuesYaml: '',
    });
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toContain(
      'StatefulSet/mail-x-antigenic-stalwart-helm-chart',
    );
  });

  it('carries Helm’s own message when the chart refuses the values', async () => {
    const refused = helmTemplate({
      release: 'mail-x',
      namespace: 'mail',
      chartDir: CHART_DIR,
      valuesYaml: 'replicaCount: many\n',
    });
    await expect(refused).rejects.toBeInstanceOf(HelmError);
    await expect(refused).rejects.toThrow(/replicaCount/);
  });
});
