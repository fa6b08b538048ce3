import type { InstanceLifecycle } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * Whether the instance was ever meant to reach its clusters, so its verdict says something
 * about it: not while proposed or waiting for Flux or Argo CD, nor once its unmerged proposal
 * branch was deleted.
 */
export function isDeployed(lifecycle: InstanceLifecycle | undefined): boolean {
  if (!lifecycle) return true;
  if (lifecycle.phase === 'proposed' || lifecycle.phase === 'merged')
    return false;
  return !(
    lifecycle.phase === 'failed' && lifecycle.proposal?.state === 'deleted'
  );
}

/** Whether the tab may offer to merge the proposal: it is open and nothing runs yet. */
export function isMergeable(lifecycle: InstanceLifecycle | undefined): boolean {
  return (
    lifecycle?.phase === 'proposed' && lifecycle.proposal?.state === 'open'
  );
}

/** The phase in a few words, for the notice's title and its accessible name. */
export function lifecycleTitle(lifecycle: InstanceLifecycle): string {
  switch (lifecycle.phase) {
    case 'proposed':
      return `Proposed on branch ${lifecycle.proposal?.branch}, not deployed yet`;
    case 'merged':
      return 'Merged, waiting for Flux or Argo CD to deploy it';
    case 'reconciling':
      return 'Reconciling';
    case 'failed':
      return lifecycle.proposal?.state === 'deleted'
        ? 'Proposal withdrawn'
        : 'Deployment failed';
    default:
      return 'Running';
  }
}

/** The phase in one or two words, for a table cell. */
export function lifecycleLabel(lifecycle: InstanceLifecycle): string {
  switch (lifecycle.phase) {
    case 'proposed':
      return 'Proposed';
    case 'merged':
      return 'Merged, waiting for Flux/Argo';
    case 'reconciling':
      return 'Reconciling';
    case 'failed':
      return lifecycle.proposal?.state === 'deleted'
        ? 'Proposal withdrawn'
        : 'Failed';
    default:
      return 'Running';
  }
}

/** The notice's colour per phase: only a failure is alarming. */
export const LIFECYCLE_STATUS = {
  proposed: 'info',
  merged: 'info',
  reconciling: 'info',
  failed: 'danger',
  running: 'success',
} as const;
