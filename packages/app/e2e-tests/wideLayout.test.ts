import { test, expect, type Page } from '@playwright/test';
import { expectNoWordWrapOrSideScroll, signInAsGuest } from './support';

/** A full-HD screen: the Certificate and Exposure cards share a row from 1536 px. */
test.use({ viewport: { width: 1920, height: 1080 } });

/** How the two cards share the row, and whether the ports and DNS names fill their card. */
async function measureLayout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => el?.getBoundingClientRect();
    const certificate = box(
      document.querySelector('section[aria-label="Certificate"]'),
    );
    const exposure = box(
      document.querySelector('section[aria-label="Exposure"]'),
    );
    const ports = [
      ...document.querySelectorAll<HTMLElement>('[aria-label^="Ports in "]'),
    ].map(grid => {
      const cluster = grid.closest('section')!.getBoundingClientRect();
      return grid.getBoundingClientRect().width / cluster.width;
    });
    // A DNS name is one line: more than one line box means it wrapped.
    const wrappedDnsNames = [
      ...document.querySelectorAll('[aria-label^="DNS names in "] li'),
    ]
      .filter(li => {
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
        const lines = new Set<number>();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects())
            if (r.width > 0) lines.add(Math.round(r.top));
        }
        return lines.size > 1;
      })
      .map(li => li.textContent);
    return { certificate, exposure, ports, wrappedDnsNames };
  });
}

for (const [name, path] of [
  [
    'the healthy v0.15 instance',
    '/catalog/default/component/stalwart/mail-server',
  ],
  ['the v0.16 instance', '/catalog/default/component/mail-edge/mail-server'],
]) {
  test(`at 1920 px the Mail server tab of ${name} puts certificate and ports side by side without wrapping`, async ({
    page,
  }) => {
    await signInAsGuest(page, path);
    const exposure = page.getByRole('region', { name: 'Exposure' });
    await expect(exposure.getByRole('grid').first()).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Certificate' })
        .getByRole('img')
        .first(),
    ).toBeVisible();

    const layout = await measureLayout(page);
    // Side by side, each about half the content width: neither squeezed nor stacked.
    expect(layout.certificate!.top).toBeCloseTo(layout.exposure!.top, 0);
    expect(layout.exposure!.left).toBeGreaterThan(
      layout.certificate!.right - 1,
    );
    expect(layout.certificate!.width).toBeGreaterThan(700);
    expect(layout.exposure!.width).toBeGreaterThan(700);
    // The ports table takes its cluster section's whole width: no empty band beside it.
    expect(layout.ports.length).toBeGreaterThan(0);
    for (const share of layout.ports) expect(share).toBeGreaterThan(0.98);
    expect(layout.wrappedDnsNames).toEqual([]);

    await expectNoWordWrapOrSideScroll(page);
  });
}
