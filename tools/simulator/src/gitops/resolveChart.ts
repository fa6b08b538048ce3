import fs from 'node:fs';
import path from 'node:path';
import {
  CHART_FLAVORS,
  type ChartFlavor,
} from '@stalwart-backstage/plugin-stalwart-charts';

/** What a HelmRelease source or an Application source asks for. */
export interface ChartRequest {
  /** The repository URL (`oci://…`, `https://…`, or Argo CD's scheme-less OCI host path). */
  repository: string;
  /** The chart name, or for a git source the chart's folder in the repository. */
  chart: string;
  /** The chart version, or for a git source the tag. */
  version: string;
  /**
   * A Flux HelmRelease's `spec.chart` from a HelmRepository: the HelmChart
   * (`<namespace>/<namespace>-<name>`) source-controller makes for it, and whether the
   * repository is an OCI registry rather than an index.
   */
  helmChart?: { name: string; oci: boolean };
}

export type ResolvedChart =
  | { ok: true; flavor: ChartFlavor; dir: string }
  | { ok: false; message: string };

const normalize = (url: string) =>
  url
    .replace(/^oci:\/\//, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');

/**
 * Why a version the registry does not hold fails. Behind a Flux HelmRepository it is
 * helm-controller's `HelmChart '<ns>/<name>' is not ready` with source-controller's reason
 * (an index: `no '<chart>' chart with version matching '<version>' found`; an OCI registry:
 * `could not locate a version matching provided version string <version>`); otherwise Helm's
 * `helm pull` wording, as Argo CD's repo-server reports it.
 */
function versionNotFound(
  request: ChartRequest,
  flavor: ChartFlavor,
  shipped: string,
): string {
  if (request.helmChart) {
    const reason = request.helmChart.oci
      ? `could not locate a version matching provided version string ${request.version}`
      : `no '${request.chart}' chart with version matching '${request.version}' found`;
    return `HelmChart '${request.helmChart.name}' is not ready: invalid chart reference: failed to get chart version for remote reference: ${reason}`;
  }
  return `chart "${flavor.chartName}" version "${request.version}" not found in ${request.repository} (available: ${shipped})`;
}

/**
 * Finds the chart a source asks for among the charts the simulated registries hold: each
 * flavor's real chart under `chartsDir/<referenceDir>/chart`, at the one version it ships.
 */
export function resolveChart(
  request: ChartRequest,
  chartsDir: string,
): ResolvedChart {
  const flavor = Object.values(CHART_FLAVORS).find(
    f =>
      normalize(f.source.repository) === normalize(request.repository) &&
      (f.source.type === 'git' || f.chartName === request.chart),
  );
  if (!flavor) {
    return {
      ok: false,
      message: `chart "${request.chart}" not found in ${request.repository}`,
    };
  }
  const shipped =
    flavor.source.type === 'git'
      ? flavor.source.tagFor(flavor.chartVersion)
      : flavor.chartVersion;
  if (request.version !== shipped) {
    return { ok: false, message: versionNotFound(request, flavor, shipped) };
  }
  const dir = path.join(chartsDir, flavor.referenceDir, 'chart');
  if (!fs.existsSync(path.join(dir, 'Chart.yaml'))) {
    return {
      ok: false,
      message: `chart "${flavor.chartName}" is not available to the simulator: ${dir} is absent`,
    };
  }
  return { ok: true, flavor, dir };
}
