import { test, expect } from '@playwright/test';
import {
  expectNoCriticalA11yViolations,
  expectNoTruncatedHeaders,
  expectNoWordWrapOrSideScroll,
  keepThemedScreenshots,
  README_VIEWPORT,
  signInAsGuest,
} from './support';

test.use({ viewport: README_VIEWPORT });

test('the fleet page lists every mail server with its verdict and filters them', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Mail servers' }).click();

  const table = page.getByRole('grid', { name: 'Mail server instances' });
  const row = (title: string) =>
    table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: title }) });
  await expect(row('Stalwart stalwart')).toContainText('Healthy');
  await expect(row('Stalwart mail (edge)')).toContainText('Critical');
  await expectNoWordWrapOrSideScroll(page);
  await expectNoTruncatedHeaders(page);
  await expectNoCriticalA11yViolations(page);
  await keepThemedScreenshots(page, 'fleet');

  await page.getByRole('searchbox', { name: 'Filter instances' }).fill('edge');
  await expect(row('Stalwart stalwart')).toHaveCount(0);
  await expect(row('Stalwart mail (edge)')).toHaveCount(1);
  // The search is in the URL, so the filtered view can be shared.
  await expect(page).toHaveURL(/[?&]q=edge/);
});
