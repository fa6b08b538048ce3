import { test, expect } from '@playwright/test';
import { signInAsGuest } from './support';

test('a guest signs in and sees the catalog list the demo mail servers', async ({
  page,
}) => {
  await signInAsGuest(page);

  await expect(
    page.getByRole('link', { name: 'Stalwart stalwart' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Stalwart mail (edge)' }),
  ).toBeVisible();
});
