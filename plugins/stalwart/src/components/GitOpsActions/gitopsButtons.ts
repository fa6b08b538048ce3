import type {
  ClusterInstanceStatusV1,
  GitOpsAction,
} from '@stalwart-backstage/plugin-stalwart-common';

export interface GitOpsButton {
  action: GitOpsAction;
  label: string;
  cluster: string;
  /** What the owner is called in the dialog: "HelmRelease stalwart/stalwart". */
  owner: string;
}

/** The actions each cluster's GitOps tool offers, in the order the card shows them. */
export function gitopsButtons(
  clusters: ClusterInstanceStatusV1[],
): GitOpsButton[] {
  return clusters.flatMap(({ cluster, gitops }): GitOpsButton[] => {
    if (!gitops || gitops.tool === 'none') return [];
    const suffix = clusters.length > 1 ? ` (${cluster})` : '';
    if (gitops.tool === 'flux') {
      const owner = `HelmRelease ${gitops.namespace}/${gitops.name}`;
      return gitops.suspended
        ? [{ action: 'resume', label: `Resume${suffix}`, cluster, owner }]
        : [
            {
              action: 'reconcile',
              label: `Reconcile now${suffix}`,
              cluster,
              owner,
            },
            { action: 'suspend', label: `Suspend${suffix}`, cluster, owner },
          ];
    }
    const owner = `Application ${gitops.namespace}/${gitops.name}`;
    return [
      { action: 'reconcile', label: `Refresh${suffix}`, cluster, owner },
      { action: 'sync', label: `Sync${suffix}`, cluster, owner },
    ];
  });
}
