#!/usr/bin/env node
// Writes (or with --ci checks) the API reports of every publishable package: each plugins/* and
// packages/* folder whose package.json is not private, so a new package gets a report without
// editing a list.
//
// The declarations are emitted afresh first, without tsc's incremental state: declaration emit
// spells out inferred types (a Backstage blueprint's union of group names, for one) in the order
// the compiler met their members, and an incremental build that re-checked only some files met
// them in another order than a full one, so two runs on the same commit printed different
// reports. A full emit depends on the sources alone.
//
// Usage: node scripts/api-reports.mjs [--ci]   (yarn build:api-reports / yarn api-reports:check)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--ci');

const packageDirs = ['plugins', 'packages'].flatMap(parent =>
  readdirSync(join(root, parent))
    .map(entry => join(parent, entry))
    .filter(dir => {
      const manifest = join(root, dir, 'package.json');
      return (
        existsSync(manifest) &&
        JSON.parse(readFileSync(manifest, 'utf8')).private !== true
      );
    })
    .sort(),
);

function run(command, args) {
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

run('yarn', ['tsc', '--incremental', 'false']);
run('yarn', [
  'backstage-repo-tools',
  'api-reports',
  // Members may go undocumented, as in Backstage's own repository; a missing release tag or an
  // export a public type names but the entry point forgets fails the check.
  '--omit-messages',
  'ae-wrong-input-file-type,ae-undocumented',
  ...(check ? ['--ci'] : []),
  ...packageDirs,
]);
