import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './freePort';
import { waitFor } from './waitFor';

/** The example backend (packages/backend) running as its own process. */
export type RunningBackend = {
  baseUrl: string;
  /** The backend process's id, e.g. to read its memory from /proc/<pid>/status. */
  pid: number;
  /** Everything the process printed so far. */
  logs(): string;
  stop(): Promise<void>;
};

export type StartBackendOptions = {
  /** Config files, relative to the repository root, e.g. `app-config.yaml`. */
  configFiles: string[];
  /** Config applied last, on top of the files: the test's own overrides. */
  config?: Record<string, unknown>;
  env?: Record<string, string>;
  /**
   * What node runs in packages/backend instead of its TypeScript sources through the CLI's
   * transform, e.g. a production build's entry point (set `NODE_ENV` through `env`).
   */
  nodeArgs?: string[];
  timeoutMs?: number;
};

// Test tooling only ever runs from the monorepo's sources, never from a production build.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Starts packages/backend from its sources exactly as `yarn start backend` would (minus
 * file watching), or with `nodeArgs` from a build, on a free port, and waits until its
 * readiness endpoint answers.
 */
export async function startBackend(
  options: StartBackendOptions,
): Promise<RunningBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'stalwart-backend-'));
  const overrides = join(dir, 'app-config.test.json');
  const config = {
    ...options.config,
    backend: {
      ...((options.config?.backend as object) ?? {}),
      baseUrl,
      listen: { host: '127.0.0.1', port },
    },
  };
  writeFileSync(overrides, JSON.stringify(config));

  const configArgs = [
    ...options.configFiles.map(file => resolve(REPO_ROOT, file)),
    overrides,
  ].flatMap(file => ['--config', file]);
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        'src/index.ts',
      ]),
      ...configArgs,
    ],
    {
      cwd: join(REPO_ROOT, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', chunk => {
    output += chunk;
  });
  child.stderr.on('data', chunk => {
    output += chunk;
  });
  const exited = new Promise<void>(r => child.on('exit', () => r()));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      // Graceful shutdown waits for in-flight work; a test run should not.
      const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(forced);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      'the backend to become ready',
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`backend exited with ${child.exitCode}:\n${output}`);
        }
        const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
        return res.ok;
      },
      { timeoutMs: options.timeoutMs ?? 120_000, intervalMs: 500 },
    );
  } catch (error) {
    await stop();
    throw new Error(
      `${error}\n--- backend output (tail) ---\n${output.slice(-4000)}`,
    );
  }

  return { baseUrl, pid: child.pid!, logs: () => output, stop };
}
