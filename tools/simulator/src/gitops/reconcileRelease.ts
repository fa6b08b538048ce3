import { HelmError, helmTemplate } from '@stalwart-backstage/helm';
import type { SimulatedCluster } from '../kube/SimulatedCluster';
import type { StalwartFleet } from '../stalwart/StalwartFleet';
import type { FleetRelease } from './findReleases';
import { labelManifest, labelRendered } from './releaseLabels';
import {
  ownerStatus,
  previousInventory,
  type ReconcileOutcome,
} from './releaseStatus';
import { resolveChart } from './resolveChart';
import { deployRendered } from './deployRendered';
import {
  onboardInstance,
  type BackstageCredentialsSecret,
} from './onboardInstance';

export interface ReconcileContext {
  cluster: SimulatedCluster;
  fleet: StalwartFleet;
  /** The folder holding `<referenceDir>/chart` for every flavor (shared/reference/charts). */
  chartsDir: string;
  /** Where onboarding stores Backstage's API key for each new instance; none: not stored. */
  credentials?: BackstageCredentialsSecret;
  /** The fleet repository commit being reconciled. */
  revision: string;
  now: () => Date;
}

const isHook = (object: any) =>
  Boolean(object.metadata?.annotations?.['helm.sh/hook']);

async function render(release: FleetRelease, context: ReconcileContext) {
  if (release.problem) {
    return {
      ok: false as const,
      reason: 'ArtifactFailed',
      message: release.problem,
    };
  }
  if (!release.chart) {
    return {
      ok: false as const,
      reason: 'ArtifactFailed',
      message: 'no chart source',
    };
  }
  const chart = resolveChart(release.chart, context.chartsDir);
  if (!chart.ok) {
    return {
      ok: false as const,
      reason: 'ArtifactFailed',
      message: chart.message,
    };
  }
  try {
    const { objects } = await helmTemplate({
      release: release.releaseName,
      namespace: release.namespace,
      chartDir: chart.dir,
      valuesYaml: release.valuesYaml,
      kubeVersion: context.cluster.kubernetesVersion,
      apiVersions: context.cluster.registry
        .groups()
        .flatMap(g => g.versions.map(v => (g.name ? `${g.name}/${v}` : v))),
    });
    return {
      ok: true as const,
      chart,
      objects: objects.filter(o => !isHook(o)),
    };
  } catch (error) {
    if (!(error instanceof HelmError)) throw error;
    return {
      ok: false as const,
      reason: 'InstallFailed',
      message: error.message,
    };
  }
}

/**
 * Handles one HelmRelease or one Application at a fleet revision: renders its chart with the
 * real Helm, applies the chart's objects and the folder's own manifests together (or none of
 * them), prunes what the previous sync applied and no longer renders, and writes the owner's
 * status. Annotation-driven requests (`reconcile.fluxcd.io/requestedAt`, `spec.suspend`,
 * `argocd.argoproj.io/refresh`, `operation`) belong here.
 */
export async function reconcileRelease(
  release: FleetRelease,
  context: ReconcileContext,
): Promise<ReconcileOutcome> {
  const { cluster } = context;
  const at = context
    .now()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  const ownerType = cluster.typeOf(release.owner);
  const existing = ownerType
    ? cluster.store.get(
        ownerType,
        release.owner.metadata.namespace,
        release.owner.metadata.name,
      )
    : undefined;

  const rendered = await render(release, context);
  let outcome: ReconcileOutcome;
  if (!rendered.ok) {
    outcome = {
      ok: false,
      revision: context.revision,
      reason: rendered.reason,
      message: rendered.message,
    };
  } else {
    const deployed = deployRendered({
      cluster,
      fleet: context.fleet,
      flavor: rendered.chart.flavor,
      release: release.releaseName,
      namespace: release.namespace,
      objects: [
        ...rendered.objects.map(o => labelRendered(release, o)),
        ...release.manifests.map(o => labelManifest(release, o)),
      ],
      previous: previousInventory(release, existing?.status),
    });
    if (!deployed.ok) {
      outcome = {
        ok: false,
        revision: context.revision,
        reason: 'InstallFailed',
        message: deployed.message,
      };
    } else {
      const { inventory } = deployed;
      if (deployed.started) {
        onboardInstance({
          cluster,
          stalwart: deployed.stalwart,
          namespace: release.namespace,
          settingsPlan: release.settingsPlan,
          credentials: context.credentials,
        });
      }
      const flavor = rendered.chart.flavor;
      outcome = {
        ok: true,
        revision: context.revision,
        chartName: flavor.chartName,
        chartVersion: flavor.chartVersion,
        inventory,
      };
    }
  }
  if (release.owner) {
    cluster.apply({
      ...release.owner,
      status: ownerStatus(release, existing?.status, outcome, at),
    });
  }
  return outcome;
}
