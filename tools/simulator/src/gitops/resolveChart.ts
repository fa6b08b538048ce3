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
    return {
      ok: false,
      message: `chart "${flavor.chartName}" version "${request.version}" not found in ${request.repository} (available: ${shipped})`,
    };
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
