#!/usr/bin/env node
// Pins every @backstage/* dependency of the workspace to the version shipped with one
// Backstage release, derived from the npm registry alone.
//
// Why: `backstage-cli versions:bump` asks versions.backstage.io for the release manifest,
// which this machine cannot reach. A Backstage release publishes all of its changed packages
// in one batch; a package that did not change keeps its previous version. So the release's
// version of a package is its highest stable version published no later than the batch.
// The batch is found from an anchor package version that only that release published
// (given on the command line), and the window closes a day later to catch the whole batch.
//
// Usage: node scripts/backstage-release-versions.mjs <release> <anchor-pkg>@<version> [--write]
//   e.g. node scripts/backstage-release-versions.mjs 1.57.0 @backstage/frontend-plugin-api@1.0.0 --write
// Without --write it prints the table and changes nothing.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// REPO_ROOT points it at another Backstage repository (scripts/verify-install.sh uses it).
const root =
  process.env.REPO_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const [release, anchor, flag] = process.argv.slice(2);
if (!release || !anchor) {
  console.error(
    'usage: backstage-release-versions.mjs <release> <anchor-pkg>@<version> [--write]',
  );
  process.exit(2);
}

const npmTimes = name =>
  JSON.parse(
    execFileSync('npm', ['view', name, 'time', '--json'], { encoding: 'utf8' }),
  );

const at = anchor.lastIndexOf('@');
const anchorTime = npmTimes(anchor.slice(0, at))[anchor.slice(at + 1)];
if (!anchorTime) throw new Error(`the registry has no ${anchor}`);
const windowEnd = Date.parse(anchorTime) + 24 * 3600 * 1000;

const stable = /^\d+\.\d+\.\d+$/;
const compare = (a, b) => {
  const [x, y] = [a, b].map(v => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
const releaseVersion = name => {
  const versions = Object.entries(npmTimes(name))
    .filter(([v, t]) => stable.test(v) && Date.parse(t) <= windowEnd)
    .map(([v]) => v)
    .sort(compare);
  if (!versions.length) throw new Error(`no release of ${name} by ${release}`);
  return versions[versions.length - 1];
};

const manifests = ['package.json'];
for (const dir of ['packages', 'plugins', 'tools']) {
  if (!existsSync(join(root, dir))) continue;
  for (const entry of readdirSync(join(root, dir))) {
    const file = join(dir, entry, 'package.json');
    if (existsSync(join(root, file))) manifests.push(file);
  }
}
const fields = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];
const workspaceNames = new Set(
  manifests.map(f => JSON.parse(readFileSync(join(root, f), 'utf8')).name),
);

const names = new Set();
for (const file of manifests) {
  const pkg = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const field of fields) {
    for (const name of Object.keys(pkg[field] ?? {})) {
      if (name.startsWith('@backstage/') && !workspaceNames.has(name)) {
        names.add(name);
      }
    }
  }
}

const chosen = new Map();
for (const name of [...names].sort()) {
  chosen.set(name, releaseVersion(name));
  console.log(`${name}@${chosen.get(name)}`);
}

if (flag === '--write') {
  for (const file of manifests) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const pkg = JSON.parse(text);
    for (const field of fields) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        if (!chosen.has(name)) continue;
        const range = pkg[field][name];
        // Peer ranges may deliberately span releases; only caret/exact pins move.
        if (field === 'peerDependencies' && !/^\^?\d/.test(range)) continue;
        pkg[field][name] = `^${chosen.get(name)}`;
      }
    }
    writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  writeFileSync(
    join(root, 'backstage.json'),
    `${JSON.stringify({ version: release }, null, 2)}\n`,
  );
  console.error(
    `wrote ${manifests.length} package.json files and backstage.json`,
  );
}
