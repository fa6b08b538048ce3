import { test, expect } from '@playwright/test';
import {
  keepScreenshot,
  keepThemedScreenshots,
  README_VIEWPORT,
  signInAsGuest,
} from './support';

test.use({ viewport: README_VIEWPORT });

// Remediation changes the simulated Stalwart: this test expects the demo as it starts
// (CI starts it fresh; locally, restart `bash scripts/start.sh` before rerunning).
test('an owner filters the drift table and resets a relay route that only lives in the database', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog/default/component/stalwart/mail-server');

  const drift = page.getByRole('region', { name: 'Settings drift' });
  const table = drift.getByRole('region', { name: 'Drifted settings' });
  await expect(table).toBeVisible();

  await drift.getByLabel('Search settings').fill('queue.route.resend.address');
  const route = table.getByRole('region', { name: 'queue.route.resend.*' });
  await expect(route.getByRole('rowheader')).toHaveCount(1);
  await expect(
    route.getByText('Only in the database, user-managed'),
  ).toBeVisible();
  // The search is in the URL: the themed screenshots reload the page and keep it.
  await expect(page).toHaveURL(/driftSearch=queue/);
  await keepThemedScreenshots(page, 'drift', reloaded =>
    reloaded
      .getByRole('region', { name: 'Drifted settings' })
      .getByRole('region', { name: 'queue.route.resend.*' }),
  );

  await route
    .getByRole('button', { name: 'Reset to git: queue.route.resend.address' })
    .click();
  const dialog = page.getByRole('dialog');
  const plannedCalls = dialog.getByRole('list', { name: 'Planned calls' });
  await expect(plannedCalls).toContainText('queue.route.resend.address');
  await keepScreenshot(page, 'drift-remediation-plan');
  await dialog.getByRole('button', { name: 'Apply plan' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  await expect(route).toHaveCount(0, { timeout: 30_000 });
});
