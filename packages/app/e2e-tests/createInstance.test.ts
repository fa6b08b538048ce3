import { test, expect } from '@playwright/test';
import { keepScreenshot, README_VIEWPORT, signInAsGuest } from './support';

test.use({ viewport: README_VIEWPORT });

// Creating an instance commits into the local fleet repository (.data/fleet-repo); the name
// is unique per run so that reruns against a running demo do not collide.
test('a developer creates a mail server from the template, changing only name and host name', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = `e2e-${Date.now().toString(36)}`;
  await signInAsGuest(page, '/create/templates/default/stalwart-instance');

  await page.getByLabel('Name', { exact: false }).first().fill(name);
  await page.getByLabel('Mail host name').fill(`${name}.example.com`);
  await keepScreenshot(page, 'template-form');

  // Every other page keeps its defaults.
  for (let step = 0; step < 10; step++) {
    const review = page.getByRole('button', { name: 'Create' });
    if (await review.isVisible()) break;
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  }
  await keepScreenshot(page, 'template-review');
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText('Open the instance in the catalog')).toBeVisible({
    timeout: 120_000,
  });
  await keepScreenshot(page, 'template-done');

  await page.getByText('Open the instance in the catalog').click();
  await expect(
    page.getByRole('heading', { name: new RegExp(name) }).first(),
  ).toBeVisible({
    timeout: 60_000,
  });
});

// The scaffolder form loses its state on reload, so the dark picture walks the form again in a
// page that starts dark, and stops before Create.
test('the template preview reads in the dark theme', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  await signInAsGuest(page, '/create/templates/default/stalwart-instance');
  await page.getByLabel('Name', { exact: false }).first().fill('preview-dark');
  await page.getByLabel('Mail host name').fill('preview-dark.example.com');
  for (let step = 0; step < 10; step++) {
    if (await page.getByRole('button', { name: 'Create' }).isVisible()) break;
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  }
  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  await keepScreenshot(page, 'template-review-dark');
});
