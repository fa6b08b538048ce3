#!/usr/bin/env node
// Prints the app's JavaScript (gzipped), how much of it the Stalwart plugin adds, and whether
// backend-only modules (drift engines, status evaluation, the Stalwart TOML parser, smol-toml)
// reached the browser bundle. Builds packages/app twice, once with feature discovery excluding
// the plugin and once as configured, and compares every emitted .js file; the with-plugin
// build's source maps name the modules it holds. The with-plugin build runs last, so
// packages/app/dist ends up as the normal production build. Takes minutes: not part of CI.
//
//   yarn size:frontend            build both and print the figures
//   yarn size:frontend --reuse    measure the copies kept from the last run
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { backendOnlyModules, bundledSources } from './lib/bundleSources.mjs';

const PLUGIN = '@stalwart-backstage/plugin-stalwart';
const BUDGET_KB = 150;
const root = fileURLToPath(new URL('..', import.meta.url));
const app = join(root, 'packages/app');
const work = join(root, 'node_modules/.cache/stalwart-bundle-size');
const reuse = process.argv.includes('--reuse');

function build(label, extraConfig) {
  const target = join(work, label);
  if (reuse && existsSync(target)) return target;
  const args = [
    'backstage-cli',
    'package',
    'build',
    '--config',
    join(root, 'app-config.yaml'),
  ];
  if (extraConfig) {
    const file = join(work, `${label}.yaml`);
    writeFileSync(file, extraConfig);
    args.push('--config', file);
  }
  process.stderr.write(`building the app (${label})…\n`);
  execFileSync('yarn', args, {
    cwd: app,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  rmSync(target, { recursive: true, force: true });
  cpSync(join(app, 'dist'), target, { recursive: true });
  return target;
}

function jsFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** Gzipped bytes of every .js file, and of those index.html loads up front. */
function measure(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  let total = 0;
  let initial = 0;
  for (const file of jsFiles(dist)) {
    const size = gzipSync(readFileSync(file)).length;
    total += size;
    if (html.includes(relative(dist, file))) initial += size;
  }
  return { total, initial };
}

mkdirSync(work, { recursive: true });
const without = measure(
  build('without-plugin', `app:\n  packages:\n    exclude: ['${PLUGIN}']\n`),
);
const withPluginDist = build('with-plugin');
const withPlugin = measure(withPluginDist);
const print = line => process.stdout.write(`${line}\n`);
const kb = bytes => (bytes / 1024).toFixed(1);
const added = withPlugin.total - without.total;
print(
  `App JS without the plugin: ${kb(without.total)} KB gzipped (${kb(
    without.initial,
  )} KB loaded up front)`,
);
print(
  `App JS with the plugin:    ${kb(withPlugin.total)} KB gzipped (${kb(
    withPlugin.initial,
  )} KB loaded up front)`,
);
print(
  `The Stalwart plugin adds ${kb(added)} KB gzipped (${kb(
    withPlugin.initial - without.initial,
  )} KB up front); budget ${BUDGET_KB} KB`,
);
if (added / 1024 > BUDGET_KB) process.exitCode = 1;

const backendOnly = backendOnlyModules(bundledSources(withPluginDist));
const found = backendOnly.filter(kind => kind.files.length > 0);
print(
  `Backend-only modules in the bundle: ${
    found.length === 0 ? 'none' : found.map(kind => kind.name).join(', ')
  }`,
);
for (const kind of backendOnly) {
  const bytes = kind.files.reduce((sum, f) => sum + f.size, 0);
  print(
    `  ${kind.name}: ${
      kind.files.length === 0
        ? 'no'
        : `yes, ${kind.files.length} file${
            kind.files.length === 1 ? '' : 's'
          }, ${kb(bytes)} KB of source`
    }`,
  );
  for (const file of kind.files)
    print(`    ${file.path} (${kb(file.size)} KB)`);
}
