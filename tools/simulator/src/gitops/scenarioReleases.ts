import { createHash } from 'node:crypto';
import type { SimulatedCluster } from '../kube/SimulatedCluster';
import type { FleetRelease } from './findReleases';

/** What a release declares: a commit that leaves this unchanged leaves the release alone. */
function declarationDigest(release: FleetRelease): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        release.owner,
        release.manifests,
        release.chart,
        release.valuesYaml,
        release.problem,
      ]),
    )
    .digest('hex');
}

/**
 * The releases a scenario already shows as deployed. A scenario is its clusters as GitOps left
 * them, faults included (a pod on an old config, a certificate about to expire): a release whose
 * owner the scenario declares before the reconciler first meets it is taken as synced with that
 * commit, and applied only once a later commit changes what it declares.
 */
export function scenarioReleases() {
  const met = new Set<string>();
  const asScenarioShows = new Map<string, string>();
  return {
    /** Whether to leave the release as the scenario shows it at this commit. */
    isUnchanged(release: FleetRelease, cluster: SimulatedCluster): boolean {
      const owner = release.owner;
      const key = `${cluster.name}/${release.folder}/${owner?.kind}/${owner?.metadata?.namespace}/${owner?.metadata?.name}`;
      const digest = declarationDigest(release);
      if (!met.has(key)) {
        met.add(key);
        const type = owner ? cluster.typeOf(owner) : undefined;
        if (
          type &&
          cluster.store.get(type, owner.metadata.namespace, owner.metadata.name)
        )
          asScenarioShows.set(key, digest);
      }
      if (asScenarioShows.get(key) === digest) return true;
      asScenarioShows.delete(key);
      return false;
    },
  };
}
