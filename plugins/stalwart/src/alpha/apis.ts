import {
  ApiBlueprint,
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { z } from 'zod';
import { readRefreshInterval } from '../api/readRefreshInterval';
import { stalwartApiRef } from '../api/StalwartApi';
import { StalwartClient } from '../api/StalwartClient';
import {
  SharedQueryCache,
  stalwartQueryCacheApiRef,
} from '../queries/SharedQueryCache';

/**
 * `api:stalwart/client`: the HTTP client of the Stalwart backend.
 *
 * @alpha
 */
export const stalwartClientApi = ApiBlueprint.make({
  name: 'client',
  params: defineParams =>
    defineParams({
      api: stalwartApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new StalwartClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `api:stalwart/query-cache`: the queries every Stalwart card shares. Its `refreshInterval`
 * config (`'30s'`, `'PT1M'`) overrides app-config `stalwart.frontend.refreshInterval`.
 *
 * @alpha
 */
export const stalwartQueryCacheApi = ApiBlueprint.makeWithOverrides({
  name: 'query-cache',
  configSchema: {
    refreshInterval: z.string().optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory(defineParams =>
      defineParams({
        api: stalwartQueryCacheApiRef,
        deps: { configApi: configApiRef },
        factory: ({ configApi }) =>
          new SharedQueryCache({
            refreshIntervalMs: readRefreshInterval(
              configApi,
              config.refreshInterval,
            ),
          }),
      }),
    );
  },
});
