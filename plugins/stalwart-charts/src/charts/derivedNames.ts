import { MAX_OBJECT_NAME_LENGTH } from './helmNames';
import type { ChartFlavor } from './types';

/**
 * StatefulSet pods carry `controller-revision-hash: <statefulset>-<hash>` and Deployments name
 * ReplicaSets `<deployment>-<hash>`; both hashes take up to 10 characters after a dash.
 */
const REVISION_HASH_SUFFIX = '-0123456789';

/**
 * Every object name (and name-valued label) a chart derives from a release name, before Helm's
 * truncation, so a caller can tell whether Helm would have to cut any of them.
 *
 * @public
 */
export function derivedObjectNames(
  flavor: ChartFlavor,
  release: string,
): string[] {
  const dropsChartName =
    flavor.fullnameRule === 'scaffold' && release.includes(flavor.chartName);
  const fullname = dropsChartName ? release : `${release}-${flavor.chartName}`;
  const names = [...flavor.nameSuffixes, REVISION_HASH_SUFFIX].map(
    suffix => `${fullname}${suffix}`,
  );
  return [...new Set(names)].sort();
}

/**
 * The longest release name for which no derived object name exceeds 63 characters, for release
 * names that do not contain the chart name (those derive shorter names).
 *
 * @public
 */
export function maxReleaseNameLength(flavor: ChartFlavor): number {
  const longestSuffix = Math.max(
    REVISION_HASH_SUFFIX.length,
    ...flavor.nameSuffixes.map(suffix => suffix.length),
  );
  return MAX_OBJECT_NAME_LENGTH - longestSuffix - flavor.chartName.length - 1;
}
