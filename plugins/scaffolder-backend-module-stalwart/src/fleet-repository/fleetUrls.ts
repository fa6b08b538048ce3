import { pathToFileURL } from 'node:url';

/** Separates the repository from the branch and file, as GitLab's `/-/blob/` does. */
const BLOB = '/-/blob/';

/** The file:// URL of the repository itself. */
export function repositoryUrl(repoDir: string): string {
  return pathToFileURL(repoDir).href;
}

/**
 * The file:// URL of one file on one branch of the local fleet repository, readable by
 * `createFleetRepositoryUrlReader` (the branch is one encoded segment since it holds `/`).
 *
 * @public
 */
export function fileOnBranchUrl(
  repoDir: string,
  branch: string,
  filePath: string,
): string {
  return `${repositoryUrl(repoDir)}${BLOB}${encodeURIComponent(
    branch,
  )}/${filePath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The branch and file a URL names, when it points into the repository at `repoDir`. */
export function parseFileOnBranchUrl(
  repoDir: string,
  url: URL,
): { branch: string; filePath: string } | undefined {
  const prefix = `${new URL(repositoryUrl(repoDir)).pathname}${BLOB}`;
  if (url.protocol !== 'file:' || url.host !== '' || url.search || url.hash) {
    return undefined;
  }
  if (!url.pathname.startsWith(prefix)) return undefined;
  const [branch, ...rest] = url.pathname.slice(prefix.length).split('/');
  try {
    const filePath = rest.map(decodeURIComponent).join('/');
    const segments = filePath.split('/');
    if (!branch || segments.some(s => s === '' || s === '.' || s === '..')) {
      return undefined;
    }
    return { branch: decodeURIComponent(branch), filePath };
  } catch {
    return undefined;
  }
}
