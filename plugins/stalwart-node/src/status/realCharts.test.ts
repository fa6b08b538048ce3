import {
  helmLint,
  helmTemplate,
  type RenderedObject,
} from '@stalwart-backstage/helm';
import {
  getChartFlavor,
  renderInstance,
  type ChartFlavor,
  type InstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import {
  realChartDir,
  specMatrix,
  type MatrixCase,
} from '@stalwart-backstage/test-harness/charts';
import { evaluateExposure } from './exposure';
import { readInstanceConfig } from './instanceConfig';

/**
 * Every golden combination rendered by `helm template` of the real chart in
 * shared/reference/charts, checked against what the status and drift rules expect of the
 * flavor's descriptor. Skipped with a NOTICE when shared/ is absent.
 */
interface Rendered {
  flavor: ChartFlavor;
  spec: InstanceSpec;
  files: Array<{ path: string; content: string }>;
  objects: RenderedObject[];
  lint: { ok: boolean; output: string };
}

const cases = specMatrix();
const chartDirs = new Map(
  cases.map(c => [c.chart, realChartDir(getChartFlavor(c.chart))]),
);
const available = cases.filter(c => chartDirs.get(c.chart));
const rendered = new Map<string, Rendered>();

async function renderThroughHelm(matrixCase: MatrixCase): Promise<Rendered> {
  const { spec } = matrixCase;
  const flavor = getChartFlavor(spec.chart);
  const chartDir = chartDirs.get(spec.chart)!;
  const files = await renderInstance(spec, {
    owner: 'group:default/mail-admins',
    clusters: ['prod'],
  });
  const valuesYaml = files.find(f => f.path === 'values.yaml')!.content;
  const [template, lint] = await Promise.all([
    helmTemplate({
      release: spec.name,
      namespace: spec.namespace,
      chartDir,
      valuesYaml,
    }),
    helmLint({ chartDir, valuesYaml }),
  ]);
  return { flavor, spec, files, objects: template.objects, lint };
}

function isHook(object: RenderedObject): boolean {
  return Boolean(object.metadata.annotations?.['helm.sh/hook']);
}

function find(objects: RenderedObject[], kind: string, name: string) {
  return objects.find(o => o.kind === kind && o.metadata.name === name);
}

function decodedData(object: RenderedObject): Record<string, string> {
  const data = (object.data ?? {}) as Record<string, string>;
  if (object.kind !== 'Secret') return data;
  return {
    ...Object.fromEntries(
      Object.entries(data).map(([k, v]) => [
        k,
        Buffer.from(v, 'base64').toString('utf8'),
      ]),
    ),
    ...((object.stringData ?? {}) as Record<string, string>),
  };
}

type Workload = RenderedObject & {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    ordinals?: { start: number };
    serviceName?: string;
    template: {
      metadata: {
        labels: Record<string, string>;
        annotations?: Record<string, string>;
      };
      spec: {
        containers: Array<{ env?: Array<{ name: string; value?: string }> }>;
        initContainers?: unknown[];
      };
    };
  };
};

/**
 * The node id scheme as the chart's output shows it: a Deployment runs Stalwart's fallback id 1;
 * a StatefulSet numbers pods from `ordinals.start`, and v0.15 charts put the ordinal into the
 * config (an init container substituting `__NODE_ID__`, or the pod-index label) while v0.16
 * leases ids under each pod's hostname.
 */
function observedNodeIdScheme(object: Workload, configText: string) {
  if (object.kind === 'Deployment') return { type: 'fixed', nodeId: 1 };
  const firstOrdinal = object.spec.ordinals?.start ?? 0;
  if (!configText.trimStart().startsWith('{')) {
    if (
      configText.includes('__NODE_ID__') &&
      object.spec.template.spec.initContainers?.length
    ) {
      return {
        type: 'pod-ordinal',
        firstOrdinal,
        via: 'init-container-substitution',
      };
    }
    if (JSON.stringify(object.spec.template.spec).includes('pod-index')) {
      return { type: 'pod-ordinal', firstOrdinal, via: 'pod-index-label' };
    }
    return { type: 'unknown', firstOrdinal };
  }
  return { type: 'hostname-lease', firstOrdinal };
}

if (available.length === 0) {
  it.skip('renders through the real charts (shared/ is absent)', () => {});
} else {
  beforeAll(async () => {
    const started = Date.now();
    const results = await Promise.all(available.map(renderThroughHelm));
    results.forEach((result, i) => rendered.set(available[i].id, result));
    // eslint-disable-next-line no-console
    console.log(
      `helm template + lint of ${available.length} combinations took ${
        Date.now() - started
      } ms`,
    );
  }, 120_000);

  describe.each(available)('the real chart for $id', ({ id }) => {
    const get = () => rendered.get(id)!;
    const topology = () => ({ replicas: get().spec.replicas });
    const names = () => get().flavor.objectNames(get().spec.name, topology());
    const workload = () => {
      const { flavor } = get();
      return find(
        get().objects,
        flavor.workloadKind(topology()),
        names().workload,
      ) as Workload | undefined;
    };

    it('passes helm lint with the generated values', () => {
      expect(get().lint).toEqual(expect.objectContaining({ ok: true }));
    });

    it('renders the workload kind and name the descriptor names, at the spec replica count', () => {
      const object = workload();
      expect(object).toBeDefined();
      expect(object!.spec.replicas ?? 1).toBe(get().spec.replicas);
    });

    it('labels the pods so that the descriptor selector finds them and only them', () => {
      const object = workload()!;
      const selector = get().flavor.podSelector(get().spec.name);
      expect(object.spec.template.metadata.labels).toEqual(
        expect.objectContaining(selector),
      );
      expect(selector).toEqual(
        expect.objectContaining(object.spec.selector.matchLabels),
      );
      const otherPodTemplates = get()
        .objects.filter(o => o !== object && !isHook(o))
        .map(o => (o.spec as Workload['spec'] | undefined)?.template)
        .filter(Boolean);
      for (const template of otherPodTemplates) {
        expect(template!.metadata.labels).not.toEqual(
          expect.objectContaining(selector),
        );
      }
    });

    it('renders the config object and the checksum annotation the drift rules read', () => {
      const { config } = names();
      const object = find(get().objects, config.kind, config.name);
      expect(object).toBeDefined();
      expect(Object.keys(decodedData(object!))).toContain(config.key);
      const annotation = get().flavor.configChecksumAnnotation;
      const annotations = workload()!.spec.template.metadata.annotations ?? {};
      expect(
        Object.entries(annotations)
          .filter(([key]) => /config/.test(key))
          .map(([key, value]) => [key, /^\S+$/.test(value)]),
      ).toEqual(annotation ? [[annotation, true]] : []);
    });

    it('exposes every listener the config binds on the mail Service, and nothing unbound', () => {
      const { config, mailService, managementService } = names();
      const configObject = find(get().objects, config.kind, config.name)!;
      const facts = readInstanceConfig({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: configObject.metadata,
        data: decodedData(configObject),
      });
      const service = find(get().objects, 'Service', mailService);
      expect(service).toBeDefined();
      const exposure = evaluateExposure({
        service: service as never,
        config: facts,
      });
      expect(exposure.missingPorts).toEqual([]);
      expect(exposure.unboundPorts).toEqual([]);
      const management = find(get().objects, 'Service', managementService.name);
      const ports = (management?.spec as { ports: Array<{ port: number }> })
        ?.ports;
      expect(ports?.map(p => p.port)).toContain(managementService.port);
    });

    it('runs the node id scheme the descriptor declares', () => {
      const { config } = names();
      const configObject = find(get().objects, config.kind, config.name)!;
      expect(
        observedNodeIdScheme(
          workload()!,
          decodedData(configObject)[config.key],
        ),
      ).toEqual(get().flavor.nodeIds(topology()));
    });

    it('gives every pod its own Stalwart hostname', () => {
      const overrides = workload()!
        .spec.template.spec.containers.flatMap(c => c.env ?? [])
        .filter(e => e.name === 'STALWART_HOSTNAME');
      expect(overrides.filter(e => !e.value?.includes('$(POD_NAME)'))).toEqual(
        [],
      );
    });

    it('has its Certificate made by the chart or by the rendered GitOps files, as the descriptor says', () => {
      const { certificate } = names();
      if (!get().spec.tls.issuer) return;
      const fromChart = find(get().objects, 'Certificate', certificate.name);
      const fromFiles = get().files.some(
        f =>
          /kind: Certificate\n/.test(f.content) &&
          f.content.includes(`name: ${certificate.name}\n`),
      );
      expect({ chart: Boolean(fromChart), renderer: fromFiles }).toEqual({
        chart: certificate.madeBy === 'chart',
        renderer: certificate.madeBy === 'renderer',
      });
    });
  });
}
