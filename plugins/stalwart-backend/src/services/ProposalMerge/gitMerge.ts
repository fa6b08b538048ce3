import { ConflictError } from '@backstage/errors';
import type { ProposalMergeFileV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { git, gitSucceeds } from './git';

/** Who a merge commit is attributed to. */
export interface GitPerson {
  name: string;
  email: string;
}

/** A merge computed in the object database only: no ref, index or file has changed. */
export interface MergePreview {
  /** The branch merged in. */
  branch: string;
  into: string;
  baseSha: string;
  headSha: string;
  tree: string;
  files: ProposalMergeFileV1[];
}

const STATUS: Record<string, ProposalMergeFileV1['status']> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
};

export async function resolveBranch(
  repoDir: string,
  branch: string,
): Promise<string | undefined> {
  try {
    return (
      await git(repoDir, [
        'rev-parse',
        '--verify',
        '--quiet',
        `refs/heads/${branch}^{commit}`,
      ])
    ).trim();
  } catch {
    return undefined;
  }
}

/** Whether `ancestor` is already contained in `descendant`. */
export function isAncestor(
  repoDir: string,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  return gitSucceeds(repoDir, [
    'merge-base',
    '--is-ancestor',
    ancestor,
    descendant,
  ]);
}

/**
 * The tree `git merge` would commit, computed by `git merge-tree --write-tree`, which writes
 * only unreferenced objects. Conflicts are refused with the conflicting paths.
 */
export async function previewMerge(
  repoDir: string,
  into: { branch: string; sha: string },
  head: { branch: string; sha: string },
): Promise<MergePreview> {
  let tree: string;
  try {
    tree = (
      await git(repoDir, [
        'merge-tree',
        '--write-tree',
        '--name-only',
        '--no-messages',
        into.sha,
        head.sha,
      ])
    ).split('\n')[0];
  } catch (error) {
    const stdout = String((error as { stdout?: string }).stdout ?? '');
    if ((error as { code?: number }).code !== 1 || !stdout) throw error;
    const paths = stdout.split('\n').slice(1).filter(Boolean);
    throw new ConflictError(
      `Branch ${head.branch} conflicts with ${into.branch} in ${paths.join(
        ', ',
      )}: resolve the conflict on the branch, then merge again`,
    );
  }
  const diff = await git(repoDir, [
    'diff-tree',
    '-r',
    '--no-renames',
    '--name-status',
    into.sha,
    tree,
  ]);
  const files = diff
    .split('\n')
    .filter(Boolean)
    .map(line => {
      const [status, ...path] = line.split('\t');
      return { status: STATUS[status[0]] ?? 'modified', path: path.join('\t') };
    });
  return {
    branch: head.branch,
    into: into.branch,
    baseSha: into.sha,
    headSha: head.sha,
    tree,
    files,
  };
}

/** Whether the checkout holds its HEAD's tree: nothing staged, no tracked file changed. */
async function checkoutIsClean(repoDir: string): Promise<boolean> {
  const status = await git(repoDir, [
    'status',
    '--porcelain',
    '--untracked-files=no',
  ]);
  return status.trim() === '';
}

async function checkedOutBranch(repoDir: string): Promise<string | undefined> {
  try {
    return (await git(repoDir, ['symbolic-ref', '--quiet', 'HEAD'])).trim();
  } catch {
    return undefined;
  }
}

/**
 * Commits the previewed merge and moves the default branch to it with a compare-and-swap, so
 * a branch that moved since the preview is refused and left alone. The fleet repository's own
 * writers (the template, adoptions, the demo's seeding) publish by moving refs and never touch
 * its checkout, so a checkout of the default branch is followed (index and files, as after
 * `git merge`) only when it was clean; a stale or hand-edited one is left exactly as it was.
 */
export async function publishMerge(
  repoDir: string,
  preview: MergePreview,
  options: { message: string; author: GitPerson; committer: GitPerson },
): Promise<string> {
  const ref = `refs/heads/${preview.into}`;
  const followCheckout =
    (await checkedOutBranch(repoDir)) === ref &&
    (await checkoutIsClean(repoDir));
  const { author, committer } = options;
  const mergeSha = (
    await git(
      repoDir,
      [
        'commit-tree',
        preview.tree,
        '-p',
        preview.baseSha,
        '-p',
        preview.headSha,
        '-m',
        options.message,
      ],
      {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
      },
    )
  ).trim();
  try {
    await git(repoDir, [
      'update-ref',
      '-m',
      `merge ${preview.headSha}`,
      ref,
      mergeSha,
      preview.baseSha,
    ]);
  } catch {
    throw new ConflictError(
      `${preview.into} moved while the merge was being made; nothing was merged. Preview the merge again`,
    );
  }
  if (followCheckout) {
    await git(repoDir, ['read-tree', '-m', '-u', preview.baseSha, mergeSha]);
  }
  return mergeSha;
}
