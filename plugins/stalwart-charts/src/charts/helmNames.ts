/**
 * Kubernetes object names (DNS-1123 subdomain labels in practice) are limited to 63 characters.
 *
 * @public
 */
export const MAX_OBJECT_NAME_LENGTH = 63;

/** Helm's `trunc 63 | trimSuffix "-"`, which every chart here applies to its names. */
export function helmTruncate(name: string): string {
  const cut = name.slice(0, MAX_OBJECT_NAME_LENGTH);
  return cut.endsWith('-') ? cut.slice(0, -1) : cut;
}

/**
 * The `<chart>.fullname` helper of the `helm create` scaffold: the release name alone when it
 * already contains the chart name, otherwise `<release>-<chart>`.
 */
export function scaffoldFullname(release: string, chartName: string): string {
  return helmTruncate(
    release.includes(chartName) ? release : `${release}-${chartName}`,
  );
}

/** A fullname helper that always appends the chart name (kgrubb's chart). */
export function suffixedFullname(release: string, chartName: string): string {
  return helmTruncate(`${release}-${chartName}`);
}

/** The standard selector labels of the scaffold (`app.kubernetes.io/name` and `/instance`). */
export function scaffoldSelectorLabels(
  release: string,
  chartName: string,
): Record<string, string> {
  return {
    'app.kubernetes.io/instance': release,
    'app.kubernetes.io/name': chartName,
  };
}

/**
 * The scaffold labels that do not depend on the release: every workload, pod template, Service
 * and ConfigMap of every release of the chart carries them.
 */
export function scaffoldWatchLabels(chartName: string): Record<string, string> {
  return { 'app.kubernetes.io/name': chartName };
}
