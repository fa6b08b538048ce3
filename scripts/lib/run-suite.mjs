// Runs every check of the suite, each to completion even when an earlier one failed, and
// prints one summary line that counts jest and Playwright tests individually and every
// static check (tsc, lint, prettier) as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(`${results}/jest.json`, { force: true });
rmSync(`${results}/playwright.json`, { force: true });
mkdirSync(results, { recursive: true });

const env = { ...process.env, CI: process.env.CI ?? 'true' };

function run(title, command, args) {
  console.log(`\n━━ ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `━━ ${title}: ${
      status === 0 ? 'ok' : `FAILED (exit ${status})`
    } in ${seconds}s`,
  );
  return status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

const checks = [];
const staticCheck = (title, command, args) =>
  checks.push({ title, passed: run(title, command, args) ? 1 : 0, failed: 0 });

staticCheck('type check', 'yarn', ['tsc']);
// Emits the declarations afresh (not incrementally) before comparing, so the reports depend on
// the sources alone: see scripts/api-reports.mjs.
staticCheck('API reports', 'yarn', ['api-reports:check']);
staticCheck('lint', 'yarn', ['lint:all']);
staticCheck('formatting', 'yarn', ['prettier:check']);
for (const check of checks) {
  if (!check.passed) check.failed = 1;
}

const jestOk = run('unit and integration tests', 'yarn', [
  'backstage-cli',
  'repo',
  'test',
  '--json',
  `--outputFile=${results}/jest.json`,
]);
const jest = readJson(`${results}/jest.json`);
checks.push({
  title: 'jest',
  passed: jest?.numPassedTests ?? 0,
  // A crashed run (no report, or suites that failed to load) counts as a failure.
  failed:
    (jest?.numFailedTests ?? 0) +
    (jest?.numRuntimeErrorTestSuites ?? 0) +
    (jest ? 0 : 1) +
    (jestOk || (jest?.numFailedTests ?? 0) > 0 ? 0 : 1),
});

const e2eOk = run('end-to-end tests', 'yarn', ['playwright', 'test']);
const e2e = readJson(`${results}/playwright.json`);
checks.push({
  title: 'playwright',
  passed: (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0),
  failed:
    (e2e?.stats?.unexpected ?? 0) +
    (e2e ? 0 : 1) +
    (e2eOk || (e2e?.stats?.unexpected ?? 0) > 0 ? 0 : 1),
});

// The adoption test: the packed plugins installed into a new Backstage app, built and started.
// The installed app is cached outside the checkout; from an empty cache the first run takes
// about 23 minutes (a new app's install builds native modules). STALWART_VERIFY_INSTALL=0 skips it.
if (process.env.STALWART_VERIFY_INSTALL !== '0') {
  const installOk = run('adoption test (verify-install)', 'bash', [
    'scripts/verify-install.sh',
  ]);
  checks.push({
    title: 'verify-install',
    passed: installOk ? 1 : 0,
    failed: installOk ? 0 : 1,
  });
}

// The benchmark's smoke run: fails only when the harness breaks, never on slow figures.
const benchOk = run('benchmark smoke (bench:quick)', 'yarn', ['bench:quick']);
checks.push({
  title: 'bench:quick',
  passed: benchOk ? 1 : 0,
  failed: benchOk ? 0 : 1,
});

console.log('\n━━ summary');
for (const c of checks) {
  console.log(`  ${c.title.padEnd(28)} ${c.passed} passed, ${c.failed} failed`);
}
const passed = checks.reduce((n, c) => n + c.passed, 0);
const failed = checks.reduce((n, c) => n + c.failed, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
