import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity } from '@backstage/catalog-model';
import type { ProposalState } from '@stalwart-backstage/plugin-stalwart-common';
import { gitSucceeds } from '../ProposalMerge/git';

const MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';
/** `url:file:///<repo>/-/blob/<branch>/<file>`, as the local fleet repository's URL reader reads. */
const LOCAL_LOCATION = /^url:(file:\/\/\/.+?)\/-\/blob\/([^/]+)\/(.+)$/;

/** The proposal an entity was registered from, if any. */
export type ProposalReader = (
  entity: Entity,
) => Promise<ProposalState | undefined>;

/** Where an entity was proposed: its branch of the local fleet repository and its catalog file. */
export interface ProposalLocation {
  branch: string;
  file: string;
  /** The entity's location, where a person can see the proposal. */
  url: string;
}

/**
 * The branch of the embedded default's local fleet repository an entity was registered from,
 * or undefined for an entity from anywhere else (another repository, or the default branch).
 */
export function proposalLocation(
  entity: Entity,
  options: { repoDir: string; defaultBranch: string },
): ProposalLocation | undefined {
  const location = entity.metadata.annotations?.[MANAGED_BY_LOCATION];
  const match = location ? LOCAL_LOCATION.exec(location) : null;
  if (!match) return undefined;
  try {
    const locationRepo = path.resolve(fileURLToPath(match[1]));
    const branch = decodeURIComponent(match[2]);
    const file = match[3].split('/').map(decodeURIComponent).join('/');
    if (
      locationRepo !== path.resolve(options.repoDir) ||
      branch === options.defaultBranch
    ) {
      return undefined;
    }
    return { branch, file, url: location!.slice('url:'.length) };
  } catch {
    // A malformed file URL or percent escape is no location of ours.
    return undefined;
  }
}

/**
 * Reads the proposal of an entity the template registered from a branch of the embedded
 * default's local fleet repository: `merged` once the default branch holds its catalog file
 * (a merge or a squash), `open` while the branch exists, `deleted` otherwise. Entities from
 * any other location have no proposal here.
 */
export function localProposalReader(options: {
  repoDir: string;
  defaultBranch: string;
}): ProposalReader {
  const repoDir = path.resolve(options.repoDir);
  return async entity => {
    const proposal = proposalLocation(entity, options);
    if (!proposal) return undefined;
    const { branch, file, url } = proposal;
    if (
      await gitSucceeds(repoDir, [
        'cat-file',
        '-e',
        `refs/heads/${options.defaultBranch}:${file}`,
      ])
    ) {
      return { branch, state: 'merged', url };
    }
    const exists = await gitSucceeds(repoDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}`,
    ]);
    return { branch, state: exists ? 'open' : 'deleted', url };
  };
}
