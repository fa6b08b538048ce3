import { ConflictError } from '@backstage/errors';
import type { GitOpsObjectRefV1 } from '@stalwart-backstage/plugin-stalwart-common';

// The kinds a GitOps action may write: owners and the Flux sources they fetch from.
const PLURALS: Record<string, string> = {
  HelmRelease: 'helmreleases',
  HelmRepository: 'helmrepositories',
  HelmChart: 'helmcharts',
  GitRepository: 'gitrepositories',
  OCIRepository: 'ocirepositories',
  Bucket: 'buckets',
  Application: 'applications',
};

/** The API path of one object a GitOps action reads or patches. */
export function objectPath(ref: GitOpsObjectRefV1): string {
  const plural = PLURALS[ref.kind];
  if (!plural)
    throw new ConflictError(
      `${ref.kind} ${ref.namespace}/${
        ref.name
      } is not a kind Stalwart's GitOps actions know (${Object.keys(
        PLURALS,
      ).join(', ')})`,
    );
  return `/apis/${ref.apiVersion}/namespaces/${encodeURIComponent(
    ref.namespace,
  )}/${plural}/${encodeURIComponent(ref.name)}`;
}
