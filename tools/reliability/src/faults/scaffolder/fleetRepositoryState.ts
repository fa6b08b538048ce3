import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

/** Every file below `dir`, `.git` included, relative and sorted, with its size. */
function filesWithSizes(dir: string): string[] {
  return (
    fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]
  )
    .filter(e => !e.isDirectory())
    .map(e => {
      const file = path.join(e.parentPath, e.name);
      return `${path.relative(dir, file)} ${fs.statSync(file).size}`;
    })
    .sort();
}

/** Every directory below `dir`, `.git` included, relative and sorted. */
function directories(dir: string): string[] {
  return (
    fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]
  )
    .filter(e => e.isDirectory())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * What "untouched" means for a fleet repository, as git itself and the disk see it: the same
 * HEAD and refs, a clean worktree, an fsck without complaint, and the very same files and
 * folders (so no loose object, lock or temporary file was left behind).
 */
export function fleetRepositoryState(dir: string) {
  return {
    head: git(dir, 'rev-parse', 'HEAD'),
    refs: git(dir, 'show-ref'),
    status: git(dir, 'status', '--porcelain', '--untracked-files=all'),
    files: filesWithSizes(dir),
    directories: directories(dir),
  };
}

/** `git fsck --full` problems (dangling objects included), one a line; empty when sound. */
export function fsckProblems(dir: string): string[] {
  const fsck = spawnSync(
    'git',
    ['-C', dir, 'fsck', '--full', '--strict', '--no-progress', '--dangling'],
    { encoding: 'utf8' },
  );
  const lines = `${fsck.stdout}\n${fsck.stderr}`.split('\n').filter(Boolean);
  return fsck.status === 0 ? lines : [`exit ${fsck.status}`, ...lines];
}

/** Files in `after` that `before` did not have (or had with another size). */
export function strayFiles(
  before: ReturnType<typeof fleetRepositoryState>,
  after: ReturnType<typeof fleetRepositoryState>,
): string[] {
  const known = new Set(before.files);
  return after.files.filter(f => !known.has(f));
}
