import { loadReferenceTemplates } from '@stalwart-backstage/test-harness/charts';
import { CHART_FLAVORS, CHART_FLAVOR_IDS } from '../flavors/registry';
import { chartWatchSelectors } from './watchSelectors';
import type { ChartFlavor } from './types';

/** The kinds the status backend watches with the chart's labels. */
const WATCHED_KINDS = ['StatefulSet', 'Deployment', 'Service', 'ConfigMap'];

function helperBody(helpers: string, name: string): string | undefined {
  const start = helpers.indexOf(`define "${name}"`);
  if (start < 0) return undefined;
  const end = helpers.indexOf('{{- end }}', start);
  return helpers.slice(start, end < 0 ? undefined : end);
}

/** Whether a template text sets `key` to the chart's name helper, directly or via helpers. */
function setsNameLabel(text: string, helpers: string, key: string): boolean {
  const direct = new RegExp(
    `${key.replace(
      /[./]/g,
      '\\$&',
    )}: \\{\\{ include "[\\w-]+\\.name" \\. \\}\\}`,
  );
  if (direct.test(text)) return true;
  const included = [...text.matchAll(/include "([\w.-]+)"/g)].map(m => m[1]);
  return included.some(name => {
    const body = helperBody(helpers, name);
    return body !== undefined && body !== text
      ? setsNameLabel(body, helpers, key)
      : false;
  });
}

describe.each(CHART_FLAVOR_IDS)('the %s chart watch labels', id => {
  const flavor: ChartFlavor = CHART_FLAVORS[id];
  const templates = loadReferenceTemplates(flavor.referenceDir);

  it('are the chart name under app.kubernetes.io/name, which no release changes', () => {
    expect(flavor.watchLabels).toEqual({
      'app.kubernetes.io/name': flavor.chartName,
    });
  });

  if (!templates) return;
  const { documents, helpers } = templates;

  it('default the name helper to the chart name (nameOverride is empty in our values)', () => {
    const nameHelper = /define "([\w-]+\.name)"/.exec(helpers)?.[1];
    expect(nameHelper).toBeDefined();
    expect(helperBody(helpers, nameHelper!)).toMatch(
      /default \.Chart\.Name \.Values\.nameOverride/,
    );
  });

  const watched = documents.filter(d => WATCHED_KINDS.includes(d.kind));
  it.each(watched.map(d => [d.file, d.kind, d]))(
    'are set on the %s %s of every release',
    (_file, _kind, document) => {
      for (const key of Object.keys(flavor.watchLabels)) {
        expect(setsNameLabel(document.text, helpers, key)).toBe(true);
      }
    },
  );
});

describe('chartWatchSelectors', () => {
  it('folds every flavor into one set-based selector on the chart name', () => {
    expect(chartWatchSelectors()).toEqual([
      'app.kubernetes.io/name in (antigenic-stalwart-helm-chart,stalwart)',
    ]);
  });

  it('keeps a flavor labelled by several keys as its own selector', () => {
    const custom = {
      ...CHART_FLAVORS.kgrubb,
      watchLabels: { 'app.kubernetes.io/name': 'x', team: 'mail' },
    };
    expect(chartWatchSelectors([CHART_FLAVORS.antigenic, custom])).toEqual([
      'app.kubernetes.io/name=antigenic-stalwart-helm-chart',
      'app.kubernetes.io/name=x,team=mail',
    ]);
  });
});
