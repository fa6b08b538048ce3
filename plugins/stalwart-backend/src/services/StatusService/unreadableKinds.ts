import type { ClusterErrorV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { InstanceSections } from '@stalwart-backstage/plugin-stalwart-node';
import type {
  CollectionSnapshot,
  ResourceKind,
} from '../KubernetesCacheService/types';

type Section = 'certificate' | 'exposure' | 'gitops';

// Without these the instance cannot be judged at all; any other kind only fills one section.
const WORKLOAD_KINDS: ReadonlySet<ResourceKind> = new Set([
  'StatefulSet',
  'Deployment',
  'Pod',
]);

const SECTION_OF: Partial<Record<ResourceKind, Section>> = {
  Certificate: 'certificate',
  Service: 'exposure',
  HelmRelease: 'gitops',
  Application: 'gitops',
};

export interface UnreadableKind {
  kind: ResourceKind;
  error: NonNullable<CollectionSnapshot['error']>;
}

/**
 * The kinds beside the workload that this cluster has never let the backend list (RBAC that
 * leaves out Certificates, say). They are reported and their sections left out, instead of
 * blanking the workload and pods the cluster does serve.
 */
export function unreadableKinds(
  snapshots: ReadonlyArray<[ResourceKind, CollectionSnapshot]>,
): UnreadableKind[] {
  return snapshots.flatMap(([kind, snapshot]) =>
    !WORKLOAD_KINDS.has(kind) &&
    snapshot.state === 'unavailable' &&
    snapshot.error
      ? [{ kind, error: snapshot.error }]
      : [],
  );
}

/**
 * The sections with those that rest on an unreadable kind left out, with their reasons: a
 * Certificate the backend may not read is unknown, not "missing". GitOps is left out only when
 * no owner was found, since either a HelmRelease or an Application can own the release. Each
 * unreadable kind becomes a warning of its own.
 */
export function withoutUnreadableSections(
  sections: InstanceSections,
  unreadable: UnreadableKind[],
): Omit<InstanceSections, Section> & Partial<Pick<InstanceSections, Section>> {
  const dropped = new Set(
    unreadable
      .map(u => SECTION_OF[u.kind])
      .filter((s): s is Section => !!s)
      .filter(s => s !== 'gitops' || sections.gitops.tool === 'none'),
  );
  const kept: Omit<InstanceSections, Section> &
    Partial<Pick<InstanceSections, Section>> = { ...sections };
  for (const section of dropped) delete kept[section];
  kept.reasons = [
    ...sections.reasons.filter(
      r => !dropped.has(r.code.split('.')[0] as Section),
    ),
    // Unknown is not healthy: the verdict says what it could not see.
    ...unreadable.map(u => ({
      code: `unreadable.${u.kind}`,
      severity: 'warning' as const,
      message: `${u.kind} objects could not be read: ${u.error.message}`,
    })),
  ];
  return kept;
}

/** One error naming every unreadable kind, to stand beside the data that did load. */
export function unreadableKindsError(
  unreadable: UnreadableKind[],
): ClusterErrorV1 | undefined {
  if (unreadable.length === 0) return undefined;
  const oldest = unreadable.reduce((a, b) =>
    a.error.since <= b.error.since ? a : b,
  );
  return {
    message: unreadable
      .map(u => `${u.kind} could not be read: ${u.error.message}`)
      .join('; '),
    statusCode: oldest.error.statusCode,
    since: oldest.error.since.toISOString(),
  };
}
