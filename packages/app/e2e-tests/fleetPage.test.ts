import { test, expect } from '@playwright/test';
import {
  expectNoCriticalA11yViolations,
  keepScreenshot,
  signInAsGuest,
} from './support';

test('the fleet page lists every mail server with its verdict', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'Mail servers' }).click();

  await expect(
    page.getByRole('heading', { name: 'Mail servers' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /stalwart/i }).first(),
  ).toBeVisible();
  await expect(page.getByText('mail-edge').first()).toBeVisible();

  await keepScreenshot(page, 'fleet');
  await expectNoCriticalA11yViolations(page);
});
