import type { JSX } from 'react';
import {
  configApiRef,
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { readRefreshInterval } from '../api/readRefreshInterval';
import { stalwartApiRef } from '../api/StalwartApi';
import { StalwartClient } from '../api/StalwartClient';
import {
  SharedQueryCache,
  stalwartQueryCacheApiRef,
} from '../queries/SharedQueryCache';
import { LazySpecPreviewField } from '../components/SpecPreview/LazySpecPreviewField';
import { validateSpecPreview } from '../components/SpecPreview/validateSpecPreview';

/** @public */
export const stalwartLegacyRootRouteRef = createRouteRef({ id: 'stalwart' });

/**
 * The Stalwart plugin for apps on the legacy frontend system (`App.tsx`, `EntityPage.tsx`).
 *
 * @public
 */
export const stalwartLegacyPlugin = createPlugin({
  id: 'stalwart',
  apis: [
    createApiFactory({
      api: stalwartApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new StalwartClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: stalwartQueryCacheApiRef,
      deps: { configApi: configApiRef },
      factory: ({ configApi }) =>
        new SharedQueryCache({
          refreshIntervalMs: readRefreshInterval(configApi),
        }),
    }),
  ],
  routes: { root: stalwartLegacyRootRouteRef },
});

/**
 * The fleet page: `<Route path="/stalwart" element={<StalwartFleetPage />} />`.
 *
 * @public
 */
export const StalwartFleetPage: () => JSX.Element =
  stalwartLegacyPlugin.provide(
    createRoutableExtension({
      name: 'StalwartFleetPage',
      component: () =>
        import('../components/FleetPage/FleetPage').then(m => m.FleetPage),
      mountPoint: stalwartLegacyRootRouteRef,
    }),
  );

/**
 * The "Mail server" tab: `<EntityLayout.Route path="/mail-server" title="Mail server">`.
 *
 * @public
 */
export const EntityStalwartContent: () => JSX.Element =
  stalwartLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityStalwartContent',
      component: {
        lazy: () =>
          import('../components/MailServerContent/MailServerContent').then(
            m => m.MailServerContent,
          ),
      },
    }),
  );

/**
 * The Overview card with the verdict and its reasons.
 *
 * @public
 */
export const EntityStalwartVerdictCard: () => JSX.Element =
  stalwartLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityStalwartVerdictCard',
      component: {
        lazy: () =>
          import('../components/OverviewCards/VerdictCard').then(
            m => m.VerdictCard,
          ),
      },
    }),
  );

/**
 * The Overview card with the certificate countdown.
 *
 * @public
 */
export const EntityStalwartCertificateCard: () => JSX.Element =
  stalwartLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityStalwartCertificateCard',
      component: {
        lazy: () =>
          import('../components/OverviewCards/CertificateCountdownCard').then(
            m => m.CertificateCountdownCard,
          ),
      },
    }),
  );

/**
 * The `StalwartSpecPreview` scaffolder field, for `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const StalwartSpecPreviewFieldExtension = stalwartLegacyPlugin.provide(
  createScaffolderFieldExtension({
    name: 'StalwartSpecPreview',
    component: LazySpecPreviewField,
    validation: validateSpecPreview,
  }),
);
