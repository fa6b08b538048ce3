import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A read-only view of one commit of the fleet repository, exported to a temporary folder. */
export interface FleetCheckout {
  revision: string;
  dir: string;
  remove(): void;
}

/** The commit a branch points at, or undefined while the repository or branch does not exist. */
export async function branchRevision(
  repoDir: string,
  branch: string,
): Promise<string | undefined> {
  if (!fs.existsSync(repoDir)) return undefined;
  try {
    const { stdout } = await exec('git', [
      '-C',
      repoDir,
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}^{commit}`,
    ]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tree of a commit as files on disk (what Flux's source-controller hands its
 * kustomize-controller, and Argo CD's repo-server renders from). Works on bare repositories and
 * never touches the repository's work tree or index.
 */
export async function checkoutRevision(
  repoDir: string,
  revision: string,
): Promise<FleetCheckout> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-gitops-'));
  const archive = path.join(dir, '.archive.tar');
  try {
    await exec('git', [
      '-C',
      repoDir,
      'archive',
      '--format=tar',
      '-o',
      archive,
      revision,
    ]);
    await exec('tar', ['-xf', archive, '-C', dir]);
    fs.rmSync(archive);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    revision,
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
