import { test, expect } from '@playwright/test';
import {
  expectNoCriticalA11yViolations,
  keepScreenshot,
  signInAsGuest,
} from './support';

test('the fleet page lists every mail server with its verdict and filters them', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Mail servers' }).click();

  const table = page.getByRole('table', { name: 'Mail server instances' });
  const row = (title: string) =>
    table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: title }) });
  await expect(row('Stalwart stalwart')).toContainText('Healthy');
  await expect(row('Stalwart mail (edge)')).toContainText('Critical');
  await keepScreenshot(page, 'fleet');
  await expectNoCriticalA11yViolations(page);

  await page.getByRole('searchbox', { name: 'Filter instances' }).fill('edge');
  await expect(row('Stalwart stalwart')).toHaveCount(0);
  await expect(row('Stalwart mail (edge)')).toHaveCount(1);
});
