import { expect, type Locator, type Page } from '@playwright/test';
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

/** The whole page, or with `fullPage: false` what the window shows (a dialog over the page). */
export async function keepScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: `${SCREENSHOT_DIR}/${name}.png`,
    fullPage: options.fullPage ?? true,
  });
}

/** The width the README's screenshots and the layout checks use. */
export const README_VIEWPORT = { width: 1280, height: 900 };

/**
 * Keeps `name-light.png` and `name-dark.png` at 1280 px for the README: Backstage keeps the
 * chosen theme in local storage, so the page is reloaded in each.
 */
export async function keepThemedScreenshots(
  page: Page,
  name: string,
  /** What the picture is of: the screenshot waits until it has loaded again. */
  subject?: (page: Page) => Locator,
) {
  for (const theme of ['light', 'dark']) {
    await page.evaluate(t => localStorage.setItem('theme', t), theme);
    await page.reload();
    await page.waitForLoadState('networkidle');
    if (subject) await expect(subject(page)).toBeVisible();
    await keepScreenshot(page, `${name}-${theme}`);
  }
  await page.evaluate(() => localStorage.removeItem('theme'));
}

/** Fails on axe violations of serious or critical impact, listing them. */
export async function expectNoCriticalA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const critical = violations
    .filter(v => v.impact === 'critical' || v.impact === 'serious')
    .map(v => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  expect(critical).toEqual([]);
}

/**
 * Fails when a table header or cell breaks a word across lines (a word whose text range has
 * more than one line box), or when the page or a table scrolls sideways.
 */
export async function expectNoWordWrapOrSideScroll(page: Page) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      found.push(
        `page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`,
      );
    }
    const cells = document.querySelectorAll<HTMLElement>(
      'th, td, [role="columnheader"], [role="gridcell"], [role="rowheader"]',
    );
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set(
            [...range.getClientRects()]
              .filter(r => r.width > 0)
              .map(r => Math.round(r.top)),
          );
          if (lines.size > 1) found.push(`"${match[0]}" wraps inside the word`);
        }
      }
    }
    for (const table of document.querySelectorAll<HTMLElement>('table')) {
      const box = table.parentElement!;
      if (box.scrollWidth > box.clientWidth + 1) {
        found.push(
          `table "${table.getAttribute('aria-label') ?? ''}" scrolls sideways`,
        );
      }
    }
    return [...new Set(found)];
  });
  expect(problems).toEqual([]);
}

/** Fails when a table header's label is cut short with an ellipsis ("Ver…"). */
export async function expectNoTruncatedHeaders(page: Page) {
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="columnheader"]')]
      .filter(header =>
        [header, ...header.querySelectorAll<HTMLElement>('*')].some(
          el => el.scrollWidth > el.clientWidth + 1,
        ),
      )
      .map(header => header.textContent),
  );
  expect(cut).toEqual([]);
}
