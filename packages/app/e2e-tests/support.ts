import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

/** Where the e2e run keeps a screenshot of every view it checks. */
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Signs in through the guest provider, as a new user of the demo does. */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  // The sidebar's nav element has no box of its own; its links do.
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

export async function keepScreenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: `${SCREENSHOT_DIR}/${name}.png`,
    fullPage: true,
  });
}

/** Fails on axe violations of critical impact, listing them. */
export async function expectNoCriticalA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const critical = violations
    .filter(v => v.impact === 'critical')
    .map(v => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  expect(critical).toEqual([]);
}
