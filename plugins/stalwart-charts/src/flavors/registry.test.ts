import { parse } from 'yaml';
import type { ChartFlavorId } from '../charts';
import { Replace } from '../render/deepMerge';
import { renderInstance } from '../render/renderInstance';
import { renderSettingsPlan } from '../render/settingsPlan';
import { renderValues } from '../render/values/renderValues';
import {
  exampleInstanceSpec,
  formatSpecProblems,
  parseInstanceSpec,
  requiredSecretKeys,
  type InstanceSpec,
} from '../spec';
import {
  chartFlavorModules,
  getChartFlavor,
  getChartFlavorModule,
  registerChartFlavor,
} from './registry';
import type { ChartFlavorModule } from './types';

/**
 * A made-up v0.16 chart, registered the way another module would. Its Kubernetes objects are
 * kgrubb's; its source, name, values and hooks are its own.
 */
const acmeMail: ChartFlavorModule = {
  descriptor: {
    ...getChartFlavor('kgrubb'),
    id: 'acme-mail',
    title: 'ACME mail chart (made up for this test)',
    chartName: 'acme-mail',
    chartVersion: '2.3.4',
    source: { type: 'helm', repository: 'https://charts.acme.example' },
    referenceDir: 'acme-mail',
    hasValuesSchema: false,
    podSelector: release => ({ 'app.kubernetes.io/instance': release }),
  },
  defaultValues: {
    hostname: '',
    replicas: 1,
    labels: { team: 'mail' },
  },
  values: ctx => ({
    hostname: ctx.spec.hostname,
    replicas: ctx.spec.replicas,
    labels: new Replace({ tier: 'edge' }),
    existingSecret: ctx.spec.secrets.name,
  }),
  spec: {
    dataStores: ['rocksdb'],
    requiredStorage: [],
    tlsIssuance: 'cert-manager',
    refuse: () => undefined,
  },
  secretKeys: () => ['ACME_ADMIN_PASSWORD'],
  chartRenders: {
    podDisruptionBudget: false,
    networkPolicy: false,
    httpRouting: [],
  },
  settingsPlan: ctx => [
    {
      '@type': 'update',
      object: 'SystemSettings',
      value: { defaultDomain: ctx.spec.hostname.split('.').slice(1).join('.') },
    },
  ],
  example: { spec: {}, sealedSecretKeys: ['ACME_ADMIN_PASSWORD'] },
};

/**
 * A spec for the made-up chart. The spec schema's `chart` enum holds only the shipped flavors,
 * so the spec is parsed as kgrubb (which fills in kgrubb's chart version) and then pointed at
 * the registered flavor.
 */
function acmeSpec(): InstanceSpec {
  const parsed = parseInstanceSpec(exampleInstanceSpec('kgrubb'));
  if (!parsed.ok) throw new Error('the kgrubb example no longer parses');
  return {
    ...parsed.spec,
    chart: 'acme-mail' as ChartFlavorId,
    chartVersion: '2.3.4',
  };
}

describe('the chart flavor registry', () => {
  let unregister: () => void = () => undefined;
  beforeEach(() => {
    unregister = registerChartFlavor(acmeMail);
  });
  afterEach(() => unregister());

  it('renders the values of a flavor registered by another module from its own defaults', () => {
    expect(parse(renderValues(acmeSpec()))).toEqual({
      hostname: 'mail.example.com',
      replicas: 1,
      labels: { tier: 'edge' },
      existingSecret: 'mail-prod-secrets',
    });
  });

  it("renders the GitOps files, secret keys and settings plan through the registered flavor's hooks", async () => {
    const spec = acmeSpec();
    expect(requiredSecretKeys(spec)).toEqual(['ACME_ADMIN_PASSWORD']);
    expect(renderSettingsPlan(spec)).toContain('"defaultDomain":"example.com"');

    const files = Object.fromEntries(
      (await renderInstance(spec))
        .filter(f => f.path.endsWith('.yaml'))
        .map(f => [f.path, parse(f.content)]),
    );
    expect(files['chart-source.yaml'].spec.url).toBe(
      'https://charts.acme.example',
    );
    expect(files['helm-release.yaml'].spec.chart.spec).toMatchObject({
      chart: 'acme-mail',
      version: '2.3.4',
    });
    expect(files['values.yaml'].existingSecret).toBe('mail-prod-secrets');
    // The made-up chart makes no NetworkPolicy, so the renderer adds one.
    expect(files['network-policy.yaml'].spec.podSelector.matchLabels).toEqual({
      'app.kubernetes.io/instance': 'mail-prod',
    });
  });

  it('lists and resolves the registered flavor beside the shipped ones, and forgets it when unregistered', () => {
    expect(getChartFlavor('acme-mail').chartName).toBe('acme-mail');
    expect(chartFlavorModules().map(f => f.descriptor.id)).toEqual([
      'antigenic',
      'olsontech',
      'hiroba',
      'kgrubb',
      'acme-mail',
    ]);
    unregister();
    expect(() => getChartFlavorModule('acme-mail')).toThrow(
      'Unknown chart flavor "acme-mail"; expected one of antigenic, olsontech, hiroba, kgrubb',
    );
  });

  it('refuses a second flavor under an id already taken', () => {
    expect(() => registerChartFlavor(acmeMail)).toThrow(
      'A chart flavor "acme-mail" is already registered',
    );
    expect(() =>
      registerChartFlavor({
        ...acmeMail,
        descriptor: { ...acmeMail.descriptor, id: 'kgrubb' },
      }),
    ).toThrow('A chart flavor "kgrubb" is already registered');
  });

  it('is still refused by the instance spec, whose chart field lists only the shipped flavors', () => {
    const result = parseInstanceSpec({
      ...exampleInstanceSpec('kgrubb'),
      chart: 'acme-mail',
    });
    expect(result.ok ? [] : formatSpecProblems(result.problems)).toEqual([
      expect.stringMatching(/^chart: /),
    ]);
  });
});
