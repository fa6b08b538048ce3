import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { driftResponse } from '../../__testUtils__/driftFixtures';
import {
  entityUrl,
  errorResponse,
  mailEntity,
  renderStalwart,
  statusBatchFromSingleRoutes,
} from '../../__testUtils__/renderStalwart';
import {
  clusterStatus,
  lifecycleStatusResponse,
  mailReleaseObjects,
  statusResponse,
} from '../../__testUtils__/statusFixtures';
import { FLEET_PAGE_SIZE, FleetPageContent } from './FleetPage';

const server = setupServer();
registerMswTestHooks(server);

const instance = (name: string, title: string) => ({
  ...mailEntity,
  metadata: { ...mailEntity.metadata, name, title },
});
const entities = [
  instance('mail', 'Mail (homelab)'),
  instance('mail-edge', 'Mail (edge)'),
  instance('mail-secret', 'Mail (restricted)'),
  { ...mailEntity, metadata: { name: 'website', annotations: {} } },
];

function serveFleet() {
  server.use(
    statusBatchFromSingleRoutes,
    http.get(entityUrl('mail', 'status'), () =>
      HttpResponse.json(
        statusResponse([clusterStatus({ cluster: 'homelab' })]),
      ),
    ),
    http.get(entityUrl('mail', 'drift'), () =>
      HttpResponse.json(driftResponse()),
    ),
    http.get(entityUrl('mail-edge', 'status'), () =>
      HttpResponse.json(
        statusResponse([
          clusterStatus({
            cluster: 'edge',
            objects: mailReleaseObjects({ certificateDaysLeft: 5 }),
          }),
        ]),
      ),
    ),
    http.get(entityUrl('mail-edge', 'drift'), () =>
      HttpResponse.json(driftResponse({ items: [] })),
    ),
    http.get(entityUrl('mail-secret', 'status'), () =>
      errorResponse(403, 'NotAllowedError', 'no'),
    ),
    http.get(entityUrl('mail-secret', 'drift'), () =>
      errorResponse(403, 'NotAllowedError', 'no'),
    ),
  );
}

const withCatalog = (items: typeof entities) => ({
  apis: [[catalogApiRef, catalogApiMock({ entities: items })]],
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
});

const instanceRows = () =>
  within(screen.getByRole('grid', { name: 'Mail server instances' }))
    .getAllByRole('row')
    .slice(1);

/** The row of an instance once its status has loaded (its text has `loaded`). */
async function rowOf(title: string, loaded: string) {
  let row: HTMLElement | undefined;
  await waitFor(
    () => {
      row = instanceRows().find(
        // The first link is the entity's; a proposal's row also links its branch.
        r => within(r).getAllByRole('link')[0].textContent === title,
      );
      expect(row).toHaveTextContent(loaded);
      // Generous: a shared CI machine renders the grid's rows slowly.
    },
    { timeout: 10_000 },
  );
  return row!;
}

/** Answers every media query as a wide (or narrow) screen would, or as one `wide` px wide. */
function screenIsWide(wide: boolean | number) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (media: string) => ({
      matches:
        typeof wide === 'boolean'
          ? wide
          : wide >= Number(/min-width: (\d+)px/.exec(media)?.[1] ?? 0),
      media,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
    }),
  });
}

describe('FleetPageContent', () => {
  it('lists every annotated entity, worst verdict first, with its facts', async () => {
    serveFleet();
    await renderStalwart(<FleetPageContent />, withCatalog(entities));

    await screen.findByRole(
      'grid',
      { name: 'Mail server instances' },
      { timeout: 5000 },
    );
    const edge = await rowOf('Mail (edge)', 'Critical');
    expect(
      within(edge).getByRole('gridcell', { name: '5' }),
    ).toBeInTheDocument();
    const homelab = await rowOf('Mail (homelab)', 'Healthy');
    expect(
      within(homelab).getByRole('gridcell', { name: 'v0.15.5' }),
    ).toBeInTheDocument();
    // changed-live 2 + user-managed 2; server-managed and in-sync do not count.
    expect(
      within(homelab).getByRole('gridcell', { name: '4' }),
    ).toBeInTheDocument();
    expect(
      await rowOf('Mail (restricted)', 'Not permitted'),
    ).toBeInTheDocument();
    expect(
      instanceRows().map(r => within(r).getByRole('link').textContent),
    ).toEqual(['Mail (edge)', 'Mail (homelab)', 'Mail (restricted)']);
  });

  it('sorts by a column and filters by text and verdict', async () => {
    serveFleet();
    await renderStalwart(<FleetPageContent />, withCatalog(entities));
    await rowOf('Mail (homelab)', 'Healthy');
    await rowOf('Mail (edge)', 'Critical');

    await userEvent.click(
      screen.getByRole('columnheader', { name: /Cert days/ }),
    );
    await userEvent.click(
      screen.getByRole('columnheader', { name: /Cert days/ }),
    );
    expect(within(instanceRows()[0]).getByRole('link')).toHaveTextContent(
      'Mail (homelab)',
    );

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Filter instances' }),
      'edge',
    );
    expect(instanceRows()).toHaveLength(1);
    await userEvent.clear(
      screen.getByRole('searchbox', { name: 'Filter instances' }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: /Filter by verdict/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Healthy' }),
    );
    expect(instanceRows()).toHaveLength(1);
    expect(within(instanceRows()[0]).getByRole('link')).toHaveTextContent(
      'Mail (homelab)',
    );
  });

  it('charts how many certificates expire when, on a wide screen', async () => {
    screenIsWide(true);
    serveFleet();
    await renderStalwart(<FleetPageContent />, withCatalog(entities));
    await rowOf('Mail (edge)', 'Critical');
    await rowOf('Mail (homelab)', 'Healthy');

    expect(
      screen.getByRole('img', {
        name: 'Certificates by days left. Expired: 0, Under 7 days: 1, 7–30 days: 0, 31–60 days: 0, Over 60 days: 1',
      }),
    ).toBeInTheDocument();
  });

  it('leaves the chart out on a narrow screen so the table keeps the width', async () => {
    screenIsWide(false);
    serveFleet();
    await renderStalwart(<FleetPageContent />, withCatalog(entities));
    await rowOf('Mail (edge)', 'Critical');
    expect(
      screen.queryByRole('img', { name: /Certificates by days left/ }),
    ).not.toBeInTheDocument();
  });

  it('shows all nine columns from 1700 px and leaves out chart and owner (still filters) at 1280 px, where nine headers would truncate', async () => {
    const headers = () =>
      screen.getAllByRole('columnheader').map(h => h.textContent);
    serveFleet();

    screenIsWide(1920);
    const wide = await renderStalwart(
      <FleetPageContent />,
      withCatalog(entities),
    );
    await rowOf('Mail (edge)', 'Critical');
    expect(headers()).toEqual(
      expect.arrayContaining(['Chart', 'Owner', 'Cert days', 'Drifted']),
    );
    expect(headers()).toHaveLength(9);
    wide.unmount();

    screenIsWide(1280);
    await renderStalwart(<FleetPageContent />, withCatalog(entities));
    await rowOf('Mail (edge)', 'Critical');
    expect(headers()).toHaveLength(7);
    expect(headers()).not.toContain('Chart');
    expect(headers()).not.toContain('Owner');
    expect(
      screen.getByRole('button', { name: /Filter by owner/ }),
    ).toBeInTheDocument();
  });

  it('shows a proposal by its phase, linked to the branch, and a failed rollout with the reconciler’s reason', async () => {
    const url =
      'file:///srv/fleet/-/blob/stalwart%2Fmail-new/instances/mail-new/catalog-info.yaml';
    const reason =
      "Helm install failed: values don't meet the specifications of the schema(s)";
    const failing = mailReleaseObjects();
    failing.workload!.status!.readyReplicas = 0;
    server.use(
      statusBatchFromSingleRoutes,
      http.get(entityUrl('mail-new', 'status'), () =>
        HttpResponse.json(
          lifecycleStatusResponse({
            branch: 'stalwart/mail-new',
            state: 'open',
            url,
          }),
        ),
      ),
      http.get(entityUrl('mail-broken', 'status'), () =>
        HttpResponse.json({
          ...statusResponse([
            clusterStatus({ cluster: 'homelab', objects: failing }),
          ]),
          lifecycle: { phase: 'failed', message: reason },
        }),
      ),
      http.get(entityUrl('mail-new', 'drift'), () =>
        errorResponse(404, 'NotFoundError', 'not deployed'),
      ),
      http.get(entityUrl('mail-broken', 'drift'), () =>
        HttpResponse.json(driftResponse({ items: [] })),
      ),
    );
    await renderStalwart(
      <FleetPageContent />,
      withCatalog([
        instance('mail-new', 'Mail (new)'),
        instance('mail-broken', 'Mail (broken)'),
      ]),
    );

    const proposed = await rowOf('Mail (new)', 'Proposed');
    expect(
      within(proposed).getByRole('link', { name: 'Proposed' }),
    ).toHaveAttribute('href', url);
    expect(within(proposed).queryByText('Critical')).not.toBeInTheDocument();
    const broken = await rowOf('Mail (broken)', 'Failed');
    expect(within(broken).getByTitle(reason)).toHaveTextContent('Failed');
  });

  it('reads drift only for the instances on screen, so a large fleet is not read in full each interval', async () => {
    const many = Array.from({ length: 120 }, (_, n) =>
      instance(`mail-${String(n).padStart(3, '0')}`, `Mail ${n}`),
    );
    const driftReads: string[] = [];
    server.use(
      http.post(`*/api/stalwart/v1/statuses`, async ({ request }) => {
        const { entityRefs } = (await request.json()) as {
          entityRefs: string[];
        };
        return HttpResponse.json({
          items: entityRefs.map(entityRef => ({
            entityRef,
            status: statusResponse([clusterStatus({ cluster: 'homelab' })]),
          })),
        });
      }),
      http.get(
        '*/api/stalwart/v1/entities/default/component/:name/drift',
        ({ params }) => {
          driftReads.push(String(params.name));
          return HttpResponse.json(driftResponse({ items: [] }));
        },
      ),
    );
    await renderStalwart(<FleetPageContent />, withCatalog(many as any));

    const size = FLEET_PAGE_SIZE;
    await waitFor(() => expect(driftReads).toHaveLength(size), {
      timeout: 10_000,
    });
    expect(new Set(driftReads)).toEqual(
      new Set(many.slice(0, size).map(e => e.metadata.name)),
    );

    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() => expect(driftReads).toHaveLength(2 * size), {
      timeout: 10_000,
    });
    expect(new Set(driftReads.slice(size))).toEqual(
      new Set(many.slice(size, 2 * size).map(e => e.metadata.name)),
    );
  });

  it('says how to add an instance when the catalog has none', async () => {
    await renderStalwart(<FleetPageContent />, withCatalog([]));
    expect(
      await screen.findByText(/No catalog entity carries the/),
    ).toBeInTheDocument();
  });
});
