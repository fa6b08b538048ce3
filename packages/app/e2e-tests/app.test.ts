import { test, expect } from '@playwright/test';

test('a guest signs in and sees the catalog list its entities', async ({
  page,
}) => {
  await page.goto('/');

  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  await expect(
    page.getByRole('link', { name: 'example-website' }),
  ).toBeVisible();
});
