import { test, expect, type Page } from '@playwright/test';
import {
  loadScenario,
  scenarioSecretValues,
} from '@stalwart-backstage/simulator';
import { resolve } from 'node:path';
import { signInAsGuest } from './support';

// The scenario the demo serves (scripts/serve-demo.sh), read from its source files.
const secrets = scenarioSecretValues(
  loadScenario(resolve(__dirname, '../../../tools/simulator/scenarios/demo')),
);

/** Shows every drift class, server-managed included, so every value the backend sent is on the page. */
async function showEveryDriftClass(page: Page) {
  const classes = page.getByRole('group', { name: 'Drift classes' });
  await expect(classes.getByRole('button').first()).toBeVisible();
  // Locators of all chips, not of the unpressed ones: pressing one would renumber those.
  for (const chip of await classes.getByRole('button').all())
    if ((await chip.getAttribute('aria-pressed')) === 'false')
      await chip.click();
}

async function expectNoSecretOn(page: Page) {
  const html = await page.content();
  const leaked = secrets.filter(secret => html.includes(secret));
  expect(leaked).toEqual([]);
}

test('no secret of the demo clusters reaches a page, drift tables shown in full', async ({
  page,
}) => {
  expect(secrets.length).toBeGreaterThan(5);
  await signInAsGuest(page, '/catalog/default/component/stalwart/mail-server');
  await showEveryDriftClass(page);
  await expect(
    page.getByRole('region', { name: 'Settings drift' }),
  ).toContainText('masked');
  await expectNoSecretOn(page);

  await page.goto('/catalog/default/component/mail-edge/mail-server');
  await showEveryDriftClass(page);
  await expectNoSecretOn(page);

  await page.goto('/stalwart');
  await expect(
    page.getByRole('grid', { name: 'Mail server instances' }),
  ).toBeVisible();
  await expectNoSecretOn(page);
});
