import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const KUBECTL = '/usr/bin/kubectl';
export const hasKubectl = fs.existsSync(KUBECTL);

/** Runs the machine's kubectl against a simulator URL with its own discovery cache. */
export function runKubectl(server: string, token: string, args: string[]) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-cache-'));
  return new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve => {
      execFile(
        KUBECTL,
        [
          '--server',
          server,
          '--token',
          token,
          '--insecure-skip-tls-verify',
          '--cache-dir',
          cacheDir,
          ...args,
        ],
        { env: { ...process.env, KUBECONFIG: '/dev/null' }, timeout: 30_000 },
        (error, stdout, stderr) => {
          fs.rmSync(cacheDir, { recursive: true, force: true });
          resolve({
            code: error ? Number((error as any).code ?? 1) : 0,
            stdout,
            stderr,
          });
        },
      );
    },
  );
}
