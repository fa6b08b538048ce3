import type { ClusterInstanceStatusV1 } from '@stalwart-backstage/plugin-stalwart-common';

/** Whether a readable cluster holds no object of the release at all. */
function holdsNothing(cluster: ClusterInstanceStatusV1): boolean {
  return (
    cluster.data !== 'unavailable' &&
    !cluster.workload &&
    cluster.pods.length === 0 &&
    (cluster.gitops?.tool ?? 'none') === 'none' &&
    (cluster.certificate?.state ?? 'missing') === 'missing' &&
    !cluster.exposure?.service
  );
}

/**
 * The clusters an instance lives in when its entity names none (every configured cluster is
 * searched): once some cluster holds the release, the clusters holding nothing of it are not
 * where it runs, and their missing objects say nothing about it. An entity that names its
 * clusters keeps them all, so a release gone from a named cluster stays critical.
 */
export function clustersHoldingRelease(
  clusters: ClusterInstanceStatusV1[],
  named: boolean,
): ClusterInstanceStatusV1[] {
  if (named) return clusters;
  const holding = clusters.filter(c => !holdsNothing(c));
  return holding.some(c => c.data !== 'unavailable') ? holding : clusters;
}
