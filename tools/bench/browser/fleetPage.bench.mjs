#!/usr/bin/env node
// The fleet page with a 5,000-entity catalog in a real browser (Playwright's Chromium), against
// the running demo (`bash scripts/serve-demo.sh`, or under the e2e lock: see docs/benchmarks.md).
// The catalog's answer is the demo's own instance entity cloned 5,000 times, and every clone's
// status and drift is the demo instance's real answer from the Stalwart backend: the browser
// does all the work a real fleet makes it do (5,000 entities and statuses, the drift of the rows
// on screen, sorting, filtering, paging); only the backend's share is replayed.
//
//   node tools/bench/browser/fleetPage.bench.mjs [--size 5000] [--runs 3]
import { chromium } from '@playwright/test';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('size', 5000);
const RUNS = arg('runs', 3);
const BASE = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
const CLUSTERS = ['homelab', 'edge', 'eu-west'];
// The fleet page's FLEET_PAGE_SIZE: the rows of its first page.
const PAGE = 25;

/** The demo's instances, cloned to `SIZE` entities with spread clusters, owners and charts. */
function bigCatalog(demo) {
  const template = demo.find(e => e.metadata.name === 'stalwart') ?? demo[0];
  return Array.from({ length: SIZE }, (_, i) => ({
    ...template,
    metadata: {
      ...template.metadata,
      uid: `bench-${i}`,
      name: `mail-bench-${i}`,
      title: `Mail bench ${i}`,
      annotations: {
        ...template.metadata.annotations,
        'stalwart.io/clusters': CLUSTERS[i % CLUSTERS.length],
      },
    },
    spec: { ...template.spec, owner: `group:default/team-${i % 40}` },
  }));
}

async function fakeFleet(page) {
  let served = 0;
  const answers = new Map();
  await page.route(/\/api\/catalog\/entities\?.*stalwart\.io/, async route => {
    const demo = await (await route.fetch()).json();
    await route.fulfill({ json: bigCatalog(demo) });
  });
  await page.route(
    /\/api\/stalwart\/v1\/entities\/default\/component\/mail-bench-(\d+)\/(status|drift)$/,
    async route => {
      const url = route.request().url();
      const [, index, resource] = url.match(/mail-bench-(\d+)\/(\w+)$/);
      // One real request per resource: 5,000 concurrent misses must share it.
      if (!answers.has(resource)) {
        const real = url.replace(/mail-bench-\d+/, 'stalwart');
        answers.set(
          resource,
          route.fetch({ url: real, timeout: 120_000 }).then(r => r.text()),
        );
      }
      const body = (await answers.get(resource)).replaceAll(
        'component:default/stalwart',
        `component:default/mail-bench-${index}`,
      );
      served += 1;
      await route.fulfill({ contentType: 'application/json', body });
    },
  );
  // The client batches the fleet's status reads: answer each batch with the demo's status.
  await page.route(/\/api\/stalwart\/v1\/statuses$/, async route => {
    const { entityRefs } = route.request().postDataJSON();
    if (!answers.has('status')) {
      const real = route
        .request()
        .url()
        .replace(/statuses$/, 'entities/default/component/stalwart/status');
      answers.set(
        'status',
        route
          .fetch({ url: real, method: 'GET', postData: null, timeout: 120_000 })
          .then(r => r.text()),
      );
    }
    const status = await answers.get('status');
    const items = entityRefs.map(entityRef => ({
      entityRef,
      status: JSON.parse(
        status.replaceAll('component:default/stalwart', entityRef),
      ),
    }));
    served += entityRefs.length;
    await route.fulfill({ json: { items } });
  });
  return () => served;
}

/** `timeInPage`, or NaN (printed as "not measured") when the page never reached `done`. */
async function tryTimeInPage(page, act, done) {
  try {
    return await timeInPage(page, act, done);
  } catch (error) {
    process.stderr.write(`not measured: ${error.message}\n`);
    return NaN;
  }
}

/** Runs `act` in the page and times until `done` holds, checked every animation frame. */
function timeInPage(page, act, done) {
  return page.evaluate(
    ([actSource, doneSource]) =>
      new Promise((resolve, reject) => {
        // eslint-disable-next-line no-new-func
        const actFn = new Function(actSource);
        // eslint-disable-next-line no-new-func
        const doneFn = new Function(`return (${doneSource})`);
        const start = performance.now();
        window.__benchStart = start;
        actFn();
        const check = () => {
          if (doneFn()) {
            window.__benchDone = performance.now();
            resolve(window.__benchDone - start);
          } else if (performance.now() - start > 30_000)
            reject(new Error('timed out'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    [act, done],
  );
}

/**
 * Clicks `target` as a user does (React Aria's press handling ignores a bare `click()`), timed
 * in the page from the pointer going down until `done` holds.
 */
async function timeRealClick(page, target, done) {
  await page.evaluate(doneSource => {
    window.__benchClick = new Promise((resolve, reject) => {
      document.addEventListener(
        'pointerdown',
        () => {
          const start = performance.now();
          // eslint-disable-next-line no-new-func
          const doneFn = new Function(`return (${doneSource})`);
          const check = () => {
            if (doneFn()) resolve(performance.now() - start);
            else if (performance.now() - start > 30_000)
              reject(new Error('timed out'));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        },
        { capture: true, once: true },
      );
    });
  }, done);
  await target.click();
  try {
    return await page.evaluate(() => window.__benchClick);
  } catch (error) {
    process.stderr.write(`not measured: ${error.message}\n`);
    return NaN;
  }
}

const GRID = '[aria-label="Mail server instances"]';
const dataRows = `document.querySelectorAll('${GRID} [role="row"]').length - 1`;

async function oneRun(browser) {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
  });
  const served = await fakeFleet(page);
  await page.goto(BASE);
  await page.getByRole('button', { name: 'Enter' }).click();
  const link = page.getByRole('link', { name: 'Mail servers' });
  await link.waitFor();

  const firstRows = await timeInPage(
    page,
    `[...document.querySelectorAll('nav a')].find(a => a.textContent.includes('Mail servers')).click()`,
    `${dataRows} >= ${PAGE}`,
  );
  // The catalog's 5,000 entities arriving is network and JSON, not the page's work.
  const renderAfterCatalog = await page.evaluate(() => {
    const catalog = performance
      .getEntriesByType('resource')
      .filter(e => e.name.includes('/api/catalog/entities'))
      .at(-1);
    return window.__benchDone - catalog.responseEnd;
  });
  const start = Date.now();
  // Every status, and the drift of the first page's rows (drift is read for rows on screen).
  while (served() < SIZE + PAGE) {
    if (Date.now() - start > 300_000)
      throw new Error('statuses never all arrived');
    await page.waitForTimeout(50);
  }
  // Once the last answer is delivered: the frame after the page has handled it. The polling
  // above adds at most 50 ms.
  const allLoaded = await page.evaluate(
    () =>
      new Promise(resolve =>
        requestAnimationFrame(() =>
          setTimeout(() => resolve(performance.now() - window.__benchStart)),
        ),
      ),
  );
  const stillLoading = await page.evaluate(
    grid => document.querySelectorAll(`${grid} [aria-label="Loading"]`).length,
    GRID,
  );
  // The third row: sorting by name moves "Mail bench 10" there, while "Mail bench 0" stays first.
  const thirdCell = `document.querySelector('${GRID} [role="row"]:nth-child(3) [role="rowheader"]')?.textContent`;
  const before = await page.evaluate(thirdCell);
  const sort = await timeRealClick(
    page,
    page.getByRole('columnheader', { name: /^Instance/ }),
    `${thirdCell} !== ${JSON.stringify(before)}`,
  );
  const search = page.getByRole('searchbox', { name: 'Filter instances' });
  await search.focus();
  const filter = await tryTimeInPage(
    page,
    `const s = document.activeElement; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(s, 'mail-bench-4321'); s.dispatchEvent(new Event('input', { bubbles: true }));`,
    `${dataRows} === 1`,
  );
  await page.close();
  return {
    firstRows,
    renderAfterCatalog,
    allLoaded,
    sort,
    filter,
    stillLoading,
  };
}

const median = values =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await oneRun(browser));
    process.stderr.write(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}\n`);
  }
  const line = (label, key) =>
    `${label.padEnd(52)} median ${median(runs.map(r => r[key])).toFixed(
      0,
    )} ms (runs: ${runs.map(r => r[key].toFixed(0)).join(', ')})`;
  console.log(
    `Fleet page, ${SIZE.toLocaleString(
      'en',
    )} entities, Chromium, 1280 px, ${RUNS} runs`,
  );
  console.log(line('Nav click → first page of rows drawn', 'firstRows'));
  console.log(
    line('Catalog answer received → first page drawn', 'renderAfterCatalog'),
  );
  console.log(
    line(
      `Nav click → all ${SIZE} statuses and ${PAGE} drifts shown`,
      'allLoaded',
    ),
  );
  console.log(line('Sort by Instance (pointer down → rows reordered)', 'sort'));
  console.log(line('Search one instance (input → one row left)', 'filter'));
  console.log(
    `Cells of the first page still loading once every answer arrived: ${runs
      .map(r => r.stillLoading)
      .join(', ')}`,
  );
} finally {
  await browser.close();
}
