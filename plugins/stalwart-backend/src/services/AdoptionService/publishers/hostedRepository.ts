import {
  ANNOTATION_LOCATION,
  type Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';

/** The hosted fleet repository an entity's catalog file was read from, and its branch. */
export interface HostedRepository {
  type: 'github' | 'gitlab';
  host: string;
  /** The GitHub owner, or the GitLab group path (`group/subgroup`). */
  owner: string;
  repo: string;
  /** As the scaffolder's publish actions take it: `host?owner=…&repo=…`. */
  repoUrl: string;
  branch: string;
}

/**
 * GitHub (`/owner/repo/blob/<branch>/…`) or GitLab (`/group/…/project/-/blob/<branch>/…`) from
 * the entity's `backstage.io/managed-by-location`, when a configured integration serves it.
 */
export function hostedRepository(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): HostedRepository | undefined {
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!location) return undefined;
  const { type, target } = parseLocationRef(location);
  if (type !== 'url') return undefined;
  const integration = integrations.byUrl(target);
  if (integration?.type !== 'github' && integration?.type !== 'gitlab')
    return undefined;
  const url = new URL(target);
  const segments = url.pathname.split('/').filter(Boolean);
  const parts =
    integration.type === 'github'
      ? segments[2] === 'blob' && {
          owner: segments[0],
          repo: segments[1],
          branch: segments[3],
        }
      : gitlabParts(segments);
  if (!parts || !parts.owner || !parts.repo || !parts.branch) return undefined;
  const query = new URLSearchParams({ owner: parts.owner, repo: parts.repo });
  return {
    type: integration.type,
    host: url.host,
    owner: parts.owner,
    repo: parts.repo,
    repoUrl: `${url.host}?${query}`,
    branch: decodeURIComponent(parts.branch),
  };
}

function gitlabParts(segments: string[]) {
  const dash = segments.indexOf('-');
  if (dash < 2 || segments[dash + 1] !== 'blob') return undefined;
  return {
    owner: segments.slice(0, dash - 1).join('/'),
    repo: segments[dash - 1],
    branch: segments[dash + 2],
  };
}
