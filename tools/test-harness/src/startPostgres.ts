import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';
import { waitFor } from './waitFor';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL 15 server on 127.0.0.1. */
export type RunningPostgres = {
  host: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
};

/** Whether the Debian PostgreSQL 15 server binaries are installed. */
export function isPostgresInstalled(): boolean {
  return existsSync(join(PG_BIN, 'initdb'));
}

function uidOf(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
  return { uid, gid };
}

/**
 * Initialises a fresh cluster in a temporary directory and starts it. PostgreSQL refuses
 * to run as root, so as root the server runs as the `postgres` user the package creates.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  if (!isPostgresInstalled()) {
    throw new Error(
      `PostgreSQL 15 is not installed (${PG_BIN}); scripts/test.sh installs the Debian package postgresql-15`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'stalwart-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? uidOf('postgres') : undefined;
  const asServerUser = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];

  const user = 'backstage';
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const pwFile = join(dir, 'pwfile');
  writeFileSync(pwFile, password, { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  execFileSync(
    ...asServerUser(join(PG_BIN, 'initdb'), [
      '-D',
      join(dir, 'data'),
      '-U',
      user,
      `--pwfile=${pwFile}`,
      '-A',
      'scram-sha-256',
    ]),
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );

  const port = await freePort();
  const [cmd, args] = asServerUser(join(PG_BIN, 'postgres'), [
    '-D',
    join(dir, 'data'),
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-k',
    dir,
  ]);
  const server = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', chunk => {
    stderr += chunk;
  });
  const exited = new Promise<void>(resolve =>
    server.on('exit', () => resolve()),
  );

  await waitFor(
    'PostgreSQL to accept connections',
    async () => {
      if (server.exitCode !== null) {
        throw new Error(`postgres exited: ${stderr}`);
      }
      execFileSync(join(PG_BIN, 'pg_isready'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
      ]);
      return true;
    },
    { timeoutMs: 30_000 },
  );

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    async stop() {
      // Signals sent to runuser do not all reach postgres; pg_ctl asks the server itself.
      execFileSync(
        ...asServerUser(join(PG_BIN, 'pg_ctl'), [
          'stop',
          '-D',
          join(dir, 'data'),
          '-m',
          'fast',
        ]),
        { stdio: 'ignore' },
      );
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
