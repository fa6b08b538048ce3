import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Entity } from '@backstage/catalog-model';
import type { ProposalState } from '@stalwart-backstage/plugin-stalwart-common';

const exec = promisify(execFile);
const MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';
/** `url:file:///<repo>/-/blob/<branch>/<file>`, as the local fleet repository's URL reader reads. */
const LOCAL_LOCATION = /^url:(file:\/\/\/.+?)\/-\/blob\/([^/]+)\/(.+)$/;

/** The proposal an entity was registered from, if any. */
export type ProposalReader = (
  entity: Entity,
) => Promise<ProposalState | undefined>;

async function succeeds(repoDir: string, args: string[]): Promise<boolean> {
  try {
    await exec('git', ['-C', repoDir, ...args]);
    return true;
  } catch {
    return false;
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
    const location = entity.metadata.annotations?.[MANAGED_BY_LOCATION];
    const match = location ? LOCAL_LOCATION.exec(location) : null;
    if (!match) return undefined;
    let locationRepo: string;
    let branch: string;
    let file: string;
    try {
      locationRepo = path.resolve(fileURLToPath(match[1]));
      branch = decodeURIComponent(match[2]);
      file = match[3].split('/').map(decodeURIComponent).join('/');
    } catch {
      return undefined;
    }
    if (locationRepo !== repoDir || branch === options.defaultBranch) {
      return undefined;
    }
    const url = location!.slice('url:'.length);
    if (
      await succeeds(repoDir, [
        'cat-file',
        '-e',
        `refs/heads/${options.defaultBranch}:${file}`,
      ])
    ) {
      return { branch, state: 'merged', url };
    }
    const exists = await succeeds(repoDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}`,
    ]);
    return { branch, state: exists ? 'open' : 'deleted', url };
  };
}
