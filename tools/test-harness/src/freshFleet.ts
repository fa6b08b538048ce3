import type { Entity } from '@backstage/catalog-model';
import { helmTemplate } from '@stalwart-backstage/helm';
import {
  getChartFlavor,
  parseInstanceSpec,
  exampleInstanceSpec,
  renderInstance,
  type ChartFlavorId,
  type InstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import {
  onboardInstance,
  startSimulatorServer,
  type PlanApplyResult,
  type SimulatorServer,
} from '@stalwart-backstage/simulator';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REFERENCE_CHARTS } from './demoPaths';
import { registeredFromGit } from './demoFleet';
import { startGitHost, type GitHost } from './startGitHost';

/** The cluster every fresh instance runs in, and its reader's token. */
export const FRESH_CLUSTER = 'fresh';
const TOKEN = 'fresh-cluster-token';
const API_KEY_SECRET = 'backstage-stalwart-api-key';

/** One freshly rendered instance as a fresh Stalwart serves it. */
export interface FreshInstance {
  flavor: ChartFlavorId;
  spec: InstanceSpec;
  entity: Entity;
  /** The settings plan the template rendered (v0.16), as `stalwart-cli apply` applied it. */
  plan?: string;
  applied?: PlanApplyResult;
}

export interface FreshFleet {
  simulator: SimulatorServer;
  git: GitHost;
  instances: FreshInstance[];
  entities: Entity[];
  stop(): Promise<void>;
}

/** The folder of a flavor's real chart, or undefined when shared/ is absent. */
export function referenceChartDir(flavor: ChartFlavorId): string | undefined {
  const dir = path.join(
    REFERENCE_CHARTS,
    getChartFlavor(flavor).referenceDir,
    'chart',
  );
  return fs.existsSync(path.join(dir, 'Chart.yaml')) ? dir : undefined;
}

function exampleSpec(flavor: ChartFlavorId, index: number): InstanceSpec {
  const parsed = parseInstanceSpec({
    ...exampleInstanceSpec(flavor, 'flux', 'existing'),
    name: `fresh-${flavor}`,
    namespace: `fresh-${index}`,
  });
  if (!parsed.ok)
    throw new Error(`${flavor}: ${JSON.stringify(parsed.problems)}`);
  return parsed.spec;
}

/**
 * The CRD of every custom kind a chart renders (a FoundationDB operator's resources, a
 * secrets generator): a cluster a chart installs into already has the operators it needs.
 * Kinds the simulated apiserver serves already are left to it.
 */
function crdsFor(objects: readonly any[]): any[] {
  const kinds = new Map<string, any>();
  for (const object of objects) {
    const apiVersion = String(object.apiVersion);
    if (!apiVersion.includes('.') || !apiVersion.includes('/')) continue;
    if (
      apiVersion.endsWith('.k8s.io/v1') ||
      kinds.has(`${apiVersion}/${object.kind}`)
    )
      continue;
    const [group, version] = apiVersion.split('/');
    const plural = `${String(object.kind).toLowerCase()}s`;
    kinds.set(`${apiVersion}/${object.kind}`, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.${group}` },
      spec: {
        group,
        names: { kind: object.kind, plural, singular: plural.slice(0, -1) },
        scope: 'Namespaced',
        versions: [{ name: version, served: true, storage: true }],
      },
    });
  }
  return [...kinds.values()];
}

/**
 * Renders each flavor's example instance as the template does (values, GitOps files, settings
 * plan, catalog entity), deploys `helm template` of the real chart into one simulated cluster
 * as Flux would, behind a Stalwart that just booted (its first-start defaults, nothing edited),
 * and onboards it as the demo's simulated Flux does (the v0.16 settings plan applied as
 * `stalwart-cli apply` does, an admin API key for Backstage in its Secret), and serves the
 * instance folders from a Git host. Needs shared/reference/charts.
 */
export async function startFreshFleet(
  flavors: readonly ChartFlavorId[],
): Promise<FreshFleet> {
  const rendered = await Promise.all(
    flavors.map(async (flavor, index) => {
      const spec = exampleSpec(flavor, index);
      const files = await renderInstance(spec, {
        owner: 'group:default/mail-admins',
        clusters: [FRESH_CLUSTER],
      });
      const file = (name: string) => files.find(f => f.path === name)?.content;
      const chartDir = referenceChartDir(flavor);
      if (!chartDir) throw new Error(`no reference chart for ${flavor}`);
      const { objects } = await helmTemplate({
        release: spec.name,
        namespace: spec.namespace,
        chartDir,
        valuesYaml: file('values.yaml')!,
      });
      return {
        flavor,
        spec,
        objects: objects.filter(o => !o.metadata.annotations?.['helm.sh/hook']),
        catalogInfo: parse(file('catalog-info.yaml')!) as Entity,
        plan: file('settings-plan.ndjson'),
      };
    }),
  );

  const simulator = await startSimulatorServer({
    tls: true,
    scenario: {
      name: 'fresh',
      clusters: [
        {
          name: FRESH_CLUSTER,
          kubernetesVersion: 'v1.32.2',
          users: [
            {
              name: 'system:serviceaccount:backstage:backstage',
              token: TOKEN,
              deny: [],
            },
          ],
          manifests: [
            ...crdsFor(rendered.flatMap(r => r.objects)),
            ...rendered.map(r => ({
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: { name: r.spec.namespace },
            })),
          ],
          stalwartServers: [],
        },
      ],
    },
  });

  const gitFiles: Record<string, string> = {};
  const instances: FreshInstance[] = rendered.map(r => {
    const flavor = getChartFlavor(r.flavor);
    const stalwart = simulator.control.deployRelease(FRESH_CLUSTER, {
      flavor,
      name: r.spec.name,
      namespace: r.spec.namespace,
      objects: r.objects,
    });
    const onboarding = onboardInstance({
      cluster: stalwart.cluster,
      stalwart,
      namespace: r.spec.namespace,
      settingsPlan: r.plan,
      credentials: { secretName: API_KEY_SECRET },
    });
    const folder = `/fleet/${r.catalogInfo.metadata.name}`;
    gitFiles[`${folder}/catalog-info.yaml`] = JSON.stringify(r.catalogInfo);
    const instance: FreshInstance = {
      flavor: r.flavor,
      spec: r.spec,
      entity: r.catalogInfo,
    };
    if (onboarding.plan) {
      gitFiles[`${folder}/settings-plan.ndjson`] = r.plan!;
      instance.plan = r.plan;
      instance.applied = onboarding.plan;
    }
    return instance;
  });

  const git = await startGitHost(gitFiles);
  const entities = registeredFromGit(
    instances.map(i => i.entity),
    git,
  );
  instances.forEach((instance, i) => {
    instance.entity = entities[i];
  });
  return {
    simulator,
    git,
    instances,
    entities,
    async stop() {
      await git.close();
      await simulator.close();
    },
  };
}
