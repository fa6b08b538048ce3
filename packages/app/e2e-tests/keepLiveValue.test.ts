import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { keepScreenshot, README_VIEWPORT, signInAsGuest } from './support';

test.use({ viewport: README_VIEWPORT });
// Two themed page loads before the proposal: the first load of the dev build alone can take
// minutes on a loaded machine.
test.setTimeout(360_000);

// The demo's fleet repository (scripts/serve-demo.sh), which outlives a run of the demo.
const FLEET_REPO = path.resolve(__dirname, '../../../.data/fleet-repo');
const PROPOSALS = 'refs/heads/stalwart-adopt/edge/mail/';

/** Drops earlier runs' proposals for the edge instance: the same change would be refused as taken. */
function dropEarlierProposals() {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', FLEET_REPO, ...args], { encoding: 'utf8' });
  for (const ref of git('for-each-ref', '--format=%(refname)', PROPOSALS)
    .split('\n')
    .filter(Boolean))
    git('update-ref', '-d', ref);
}

async function openPreview(page: Page) {
  const drift = page.getByRole('region', { name: 'Settings drift' });
  await drift.getByLabel('Search settings').fill('maxConnections');
  await drift
    .getByRole('button', { name: /^Keep live value: .*maxConnections$/ })
    .click();
  const dialog = page.getByRole('dialog');
  const diff = dialog.getByLabel('Diff of settings-plan.ndjson');
  await expect(diff).toContainText('"maxConnections":20000');
  await expect(dialog.getByText(/stalwart-adopt\/edge\/mail\//)).toBeVisible();
  return dialog;
}

test('an owner keeps a raised live setting of the v0.16 instance: a diff first, then a branch to review', async ({
  page,
}) => {
  dropEarlierProposals();
  await signInAsGuest(page, '/catalog/default/component/mail-edge/mail-server');

  // The README's pictures of the preview, in both themes, before anything is proposed.
  for (const theme of ['dark', 'light']) {
    await page.evaluate(t => localStorage.setItem('theme', t), theme);
    await page.reload();
    const dialog = await openPreview(page);
    await keepScreenshot(page, `keep-live-value-${theme}`, {
      fullPage: false,
    });
    if (theme === 'dark')
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    else {
      await dialog.getByRole('button', { name: 'Propose in git' }).click();
      await expect(dialog).toBeHidden({ timeout: 30_000 });
    }
  }
  await page.evaluate(() => localStorage.removeItem('theme'));

  await expect(
    page.getByRole('status').filter({ hasText: 'Adoption proposed on branch' }),
  ).toContainText(
    /stalwart-adopt\/edge\/mail\/\S+: merge it to keep the live value/,
  );
  const branches = execFileSync(
    'git',
    ['-C', FLEET_REPO, 'for-each-ref', '--format=%(refname)', PROPOSALS],
    { encoding: 'utf8' },
  );
  expect(branches.trim().split('\n')).toHaveLength(1);
});
