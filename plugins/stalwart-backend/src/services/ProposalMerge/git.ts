import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs the git CLI in a repository and answers its standard output. */
export async function git(
  repoDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await exec('git', ['-C', repoDir, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** Runs git and answers whether it exited 0 (for its yes/no questions). */
export async function gitSucceeds(
  repoDir: string,
  args: string[],
): Promise<boolean> {
  try {
    await git(repoDir, args);
    return true;
  } catch {
    return false;
  }
}
