import {
  AnyApiFactory,
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { driftResponse } from '../__testUtils__/driftFixtures';
import {
  DRIFT_URL,
  entityUrl,
  mailEntity,
  STATUS_URL,
  TEST_BASE_URL,
} from '../__testUtils__/renderStalwart';
import {
  clusterStatus,
  mailReleaseObjects,
  statusResponse,
} from '../__testUtils__/statusFixtures';
import {
  EntityStalwartCertificateCard,
  EntityStalwartContent,
  EntityStalwartVerdictCard,
  StalwartFleetPage,
  stalwartLegacyPlugin,
} from './plugin';

const server = setupServer();
registerMswTestHooks(server);

/**
 * The APIs a legacy app gets from `createApp({ plugins })`: built by the plugin's own
 * factories, from the app's discovery, fetch and config APIs.
 */
function legacyAppApis(): Array<readonly [any, any]> {
  const core: Record<string, unknown> = {
    [discoveryApiRef.id]: mockApis.discovery({ baseUrl: TEST_BASE_URL }),
    // A legacy app's fetchApi is the browser's fetch plus auth headers; msw answers it here.
    [fetchApiRef.id]: {
      fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
    },
    [configApiRef.id]: mockApis.config({
      data: { stalwart: { frontend: { refreshInterval: '1m' } } },
    }),
  };
  const factories = [...stalwartLegacyPlugin.getApis()] as AnyApiFactory[];
  return [
    ...factories.map(
      factory =>
        [
          factory.api,
          factory.factory(
            Object.fromEntries(
              Object.entries(factory.deps).map(([name, ref]) => [
                name,
                core[ref.id],
              ]),
            ),
          ),
        ] as const,
    ),
    [
      permissionApiRef,
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ],
    [catalogApiRef, catalogApiMock({ entities: [mailEntity] })],
  ];
}

function serveMail() {
  let statusRequests = 0;
  server.use(
    http.get(STATUS_URL, () => {
      statusRequests += 1;
      return HttpResponse.json(
        statusResponse([
          clusterStatus({
            cluster: 'homelab',
            objects: mailReleaseObjects({ certificateDaysLeft: 20 }),
          }),
        ]),
      );
    }),
    http.get(DRIFT_URL, () => HttpResponse.json(driftResponse())),
  );
  return { statusRequests: () => statusRequests };
}

describe('the legacy frontend system exports', () => {
  it('fill an EntityPage’s Overview cards and Mail server tab from the plugin’s own API factories', async () => {
    const requests = serveMail();
    await renderInTestApp(
      <TestApiProvider apis={legacyAppApis()}>
        <EntityProvider entity={mailEntity}>
          <EntityStalwartVerdictCard />
          <EntityStalwartCertificateCard />
          <EntityStalwartContent />
        </EntityProvider>
      </TestApiProvider>,
    );

    const verdict = screen.getByRole('region', { name: 'Mail server status' });
    expect(
      await within(verdict).findByRole('status', {
        name: 'Verdict: Needs attention',
      }),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('region', { name: 'Mail certificate' }),
      ).getByRole('img', { name: 'Certificate: 20 days left' }),
    ).toBeInTheDocument();
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(
      await within(summary).findByRole('status', {
        name: 'Verdict: Needs attention',
      }),
    ).toBeInTheDocument();
    const drift = screen.getByRole('region', { name: 'Settings drift' });
    expect(
      await within(drift).findByRole('region', { name: 'Drifted settings' }),
    ).toBeInTheDocument();
    // The cards of one entity share the plugin's query cache: one status request.
    expect(requests.statusRequests()).toBe(1);
  });

  it('serve the fleet page where App.tsx mounts it', async () => {
    serveMail();
    server.use(
      http.get(entityUrl('mail', 'drift'), () =>
        HttpResponse.json(driftResponse()),
      ),
    );
    // As App.tsx mounts it: <Route path="/stalwart" element={<StalwartFleetPage />} />
    await renderInTestApp(
      <TestApiProvider apis={legacyAppApis()}>
        <Routes>
          <Route path="/stalwart" element={<StalwartFleetPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/stalwart'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const table = await screen.findByRole('grid', {
      name: 'Mail server instances',
    });
    expect(
      await within(table).findByRole('link', { name: /mail/i }),
    ).toBeInTheDocument();
  });
});
