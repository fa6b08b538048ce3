import type {
  ClusterInstanceStatusV1,
  GitOpsStatus,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  getChartFlavor,
  isChartFlavorId,
} from '@stalwart-backstage/plugin-stalwart-charts';

/** Stalwart versions the pods run, most common first; two or more means a rollout or a mix. */
export function runningVersions(clusters: ClusterInstanceStatusV1[]): string[] {
  const counts = new Map<string, number>();
  for (const pod of clusters.flatMap(c => c.pods)) {
    if (pod.version)
      counts.set(pod.version, (counts.get(pod.version) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([version]) => version);
}

export function chartLabel(chart: string | undefined): string {
  if (!chart) return 'Not annotated';
  return isChartFlavorId(chart) ? getChartFlavor(chart).title : chart;
}

/** Whether the GitOps tool is happy, in one phrase: "Flux: ready at 1.2.3". */
export function gitopsSummary(gitops: GitOpsStatus | undefined): {
  text: string;
  ok: boolean | null;
} {
  if (!gitops) return { text: 'Unknown', ok: null };
  switch (gitops.tool) {
    case 'flux': {
      if (gitops.suspended) return { text: 'Flux: suspended', ok: false };
      const ready = gitops.ready.status === 'True';
      const revision = gitops.lastAppliedRevision
        ? ` at ${gitops.lastAppliedRevision}`
        : '';
      return ready
        ? { text: `Flux: ready${revision}`, ok: true }
        : {
            text: `Flux: not ready${
              gitops.ready.reason ? ` (${gitops.ready.reason})` : ''
            }`,
            ok: false,
          };
    }
    case 'argocd':
      return {
        text: `Argo CD: ${gitops.sync.status}, ${gitops.health.status}`,
        ok:
          gitops.sync.status === 'Synced' && gitops.health.status === 'Healthy',
      };
    default:
      return { text: 'Not managed by Flux or Argo CD', ok: null };
  }
}
