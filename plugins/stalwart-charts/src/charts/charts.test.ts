import { loadReferenceChart } from '@stalwart-backstage/test-harness/charts';
import { derivedObjectNames, maxReleaseNameLength } from './derivedNames';
import { expectedPodNames, nodeIdForPod } from './pods';
import {
  CHART_FLAVORS,
  CHART_FLAVOR_IDS,
  getChartFlavor,
} from '../flavors/registry';
import type { ChartFlavorId } from './types';

type Values = Record<string, any>;

/** The Service ports each chart's values.yaml declares, by port name. */
const servicePortsFromValues: Record<
  ChartFlavorId,
  (v: Values) => Record<string, number>
> = {
  antigenic: v => ({
    ...v.service.mail.ports,
    http: v.service.http.port,
    https: 443,
  }),
  olsontech: v =>
    Object.fromEntries(v.service.ports.map((p: Values) => [p.name, p.port])),
  hiroba: v => v.service.ports,
  kgrubb: v => v.service.ports,
};

describe.each(CHART_FLAVOR_IDS)('the %s chart descriptor', id => {
  const flavor = CHART_FLAVORS[id];
  const reference = loadReferenceChart(flavor.referenceDir);

  if (reference) {
    const ref = reference;
    it('names the chart, version and generation that Chart.yaml declares', () => {
      expect(flavor.chartName).toBe(ref.chart.name);
      expect(flavor.chartVersion).toBe(ref.chart.version);
      expect(flavor.generation).toBe(
        ref.chart.appVersion.startsWith('v0.16') ? 'v0.16' : 'v0.15',
      );
    });

    it('defaults to the image values.yaml sets (or the appVersion it falls back to)', () => {
      const image = ref.values.image as Values;
      expect(flavor.image.repository).toBe(image.repository);
      expect(flavor.image.tag).toBe(image.tag || ref.chart.appVersion);
    });

    it('lists exactly the Service ports values.yaml exposes', () => {
      const declared = servicePortsFromValues[id](ref.values);
      const described = Object.fromEntries(
        flavor.ports
          .filter(p => !p.beyondChartValues)
          .map(p => [p.name, p.port]),
      );
      expect(described).toEqual(declared);
    });

    it('knows which schema the chart ships', () => {
      expect(flavor.hasValuesSchema).toBe(ref.schema !== undefined);
    });
  }

  it('bounds release names so that no derived object name needs truncating', () => {
    const max = maxReleaseNameLength(flavor);
    const longest = 'a'.repeat(max);
    expect(derivedObjectNames(flavor, longest).every(n => n.length <= 63)).toBe(
      true,
    );
    expect(
      derivedObjectNames(flavor, `${longest}a`).some(n => n.length > 63),
    ).toBe(true);
  });

  it('selects pods by the release instance label', () => {
    expect(flavor.podSelector('mail-prod')).toMatchObject({
      'app.kubernetes.io/instance': 'mail-prod',
      'app.kubernetes.io/name': flavor.chartName,
    });
  });
});

describe('chart object names', () => {
  it('appends the antigenic chart name as its README example shows', () => {
    const names = CHART_FLAVORS.antigenic.objectNames('stalwart', {
      replicas: 3,
    });
    expect(names.mailService).toBe(
      'stalwart-antigenic-stalwart-helm-chart-mail',
    );
    expect(names.config.name).toBe(
      'stalwart-antigenic-stalwart-helm-chart-config',
    );
  });

  it('drops the chart name when the release already contains it, except for kgrubb', () => {
    expect(
      CHART_FLAVORS.olsontech.objectNames('stalwart', { replicas: 1 }).fullname,
    ).toBe('stalwart');
    expect(
      CHART_FLAVORS.hiroba.objectNames('my-stalwart', { replicas: 1 }).fullname,
    ).toBe('my-stalwart');
    expect(
      CHART_FLAVORS.kgrubb.objectNames('stalwart', { replicas: 1 }).fullname,
    ).toBe('stalwart-stalwart');
  });

  it('keeps hiroba config.json in a Secret and kgrubb config.json in a ConfigMap', () => {
    expect(
      CHART_FLAVORS.hiroba.objectNames('mail', { replicas: 1 }).config,
    ).toEqual({
      kind: 'Secret',
      name: 'mail-stalwart-config',
      key: 'config.json',
    });
    expect(
      CHART_FLAVORS.kgrubb.objectNames('mail', { replicas: 1 }).config.kind,
    ).toBe('ConfigMap');
  });
});

describe('workloads and node ids', () => {
  it('runs antigenic as a StatefulSet whose node ids are the 0-based ordinals', () => {
    const flavor = CHART_FLAVORS.antigenic;
    const pods = expectedPodNames(flavor, 'mail', { replicas: 3 });
    expect(pods[0]).toBe('mail-antigenic-stalwart-helm-chart-0');
    expect(pods.map(p => nodeIdForPod(flavor, p, { replicas: 3 }))).toEqual([
      0, 1, 2,
    ]);
  });

  it('runs olsontech as a Deployment with node id 1 until it is clustered', () => {
    const flavor = CHART_FLAVORS.olsontech;
    expect(flavor.workloadKind({ replicas: 1 })).toBe('Deployment');
    expect(expectedPodNames(flavor, 'mail', { replicas: 1 })).toEqual([]);
    expect(
      nodeIdForPod(flavor, 'mail-stalwart-7d9f-abcde', { replicas: 1 }),
    ).toBe(1);
  });

  it('numbers clustered olsontech pods and node ids from 1', () => {
    const flavor = CHART_FLAVORS.olsontech;
    const topology = { replicas: 3 };
    expect(flavor.workloadKind(topology)).toBe('StatefulSet');
    const pods = expectedPodNames(flavor, 'mail', topology);
    expect(pods).toEqual([
      'mail-stalwart-1',
      'mail-stalwart-2',
      'mail-stalwart-3',
    ]);
    expect(pods.map(p => nodeIdForPod(flavor, p, topology))).toEqual([1, 2, 3]);
  });

  it('leaves v0.16 node ids to the server, which leases them by hostname', () => {
    expect(
      nodeIdForPod(CHART_FLAVORS.hiroba, 'mail-stalwart-1', { replicas: 2 }),
    ).toBe(undefined);
    expect(
      expectedPodNames(CHART_FLAVORS.hiroba, 'mail', { replicas: 2 }),
    ).toEqual(['mail-stalwart-1', 'mail-stalwart-2']);
    expect(
      expectedPodNames(CHART_FLAVORS.kgrubb, 'mail', { replicas: 1 }),
    ).toEqual(['mail-stalwart-0']);
  });
});

describe('getChartFlavor', () => {
  it('returns the descriptor for a known id', () => {
    expect(getChartFlavor('kgrubb').chartVersion).toBe('0.7.14');
  });

  it('refuses an unknown id and names the choices', () => {
    expect(() => getChartFlavor('bitnami')).toThrow(
      /antigenic, olsontech, hiroba, kgrubb/,
    );
  });
});
