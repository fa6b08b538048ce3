import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { performance } from 'node:perf_hooks';
import { mailEntity, renderStalwart } from '../../__testUtils__/renderStalwart';
import {
  clusterStatus,
  statusResponse,
} from '../../__testUtils__/statusFixtures';
import { FLEET_PAGE_SIZE, FleetInstances } from './FleetPage';
import {
  DEFAULT_FLEET_QUERY,
  filterFleetRows,
  filterOptions,
  pageOf,
} from './fleetQuery';
import { fleetRow, sortFleetRows } from './fleetRows';

const FLEET_SIZE = 5000;
const CLUSTERS = ['homelab', 'edge', 'eu-west'];

/** A 5,000-entity catalog with every status loaded, as the fleet page holds it. */
function bigCatalog() {
  return Array.from({ length: FLEET_SIZE }, (_, i) => ({
    entity: {
      ...mailEntity,
      metadata: {
        ...mailEntity.metadata,
        name: `mail-${i}`,
        title: `Mail ${i}`,
        annotations: {
          ...mailEntity.metadata.annotations,
          'stalwart.io/clusters': CLUSTERS[i % 3],
          'stalwart.io/chart': i % 2 ? 'antigenic' : 'olsontech',
        },
      },
      spec: { ...mailEntity.spec, owner: `group:default/team-${i % 40}` },
    },
    status: statusResponse([clusterStatus({ cluster: CLUSTERS[i % 3] })]),
  }));
}

const options = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

async function timedRender(rows: ReturnType<typeof fleetRow>[]) {
  const start = performance.now();
  const view = await renderStalwart(<FleetInstances rows={rows} />, options);
  const grid = await screen.findByRole('grid', {
    name: 'Mail server instances',
  });
  return { ms: performance.now() - start, grid, view };
}

/* eslint-disable no-console -- the figures docs/benchmarks.md quotes */
describe('the fleet page with a 5,000-entity catalog', () => {
  it('turns the catalog into its sorted, filtered first page and prints how long it took', () => {
    const catalog = bigCatalog();
    const start = performance.now();
    const rows = catalog.map(c =>
      fleetRow(c.entity, { data: c.status, fetching: false }, undefined),
    );
    filterOptions(rows);
    const shown = pageOf(
      sortFleetRows(
        filterFleetRows(rows, { search: 'mail 4', filters: {} }),
        'title',
        'desc',
      ),
      DEFAULT_FLEET_QUERY.page,
      FLEET_PAGE_SIZE,
    );
    const elapsed = performance.now() - start;
    console.log(
      `fleet page: ${FLEET_SIZE} instances → rows, filter options, search, sort, page in ${elapsed.toFixed(
        0,
      )} ms`,
    );
    expect(shown.rows).toHaveLength(FLEET_PAGE_SIZE);
  });

  it('renders only one page of rows, so 5,000 entities cost the DOM what one page of them does', async () => {
    const rows = bigCatalog().map(c =>
      fleetRow(c.entity, { data: c.status, fetching: false }, undefined),
    );
    // The first render of a file loads the app's modules: not the page's cost.
    (await timedRender(rows.slice(0, 3))).view.unmount();
    const onePage = await timedRender(rows.slice(0, FLEET_PAGE_SIZE));
    onePage.view.unmount();
    const all = await timedRender(rows);
    console.log(
      `fleet page in jsdom: ${FLEET_PAGE_SIZE} entities ${onePage.ms.toFixed(
        0,
      )} ms, ${FLEET_SIZE} entities ${all.ms.toFixed(0)} ms`,
    );
    expect(within(all.grid).getAllByRole('rowheader')).toHaveLength(
      FLEET_PAGE_SIZE,
    );
  });
});
