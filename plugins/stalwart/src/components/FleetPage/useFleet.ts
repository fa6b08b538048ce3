import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type {
  InstanceDriftResponseV1,
  InstanceStatusResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { stalwartApiRef } from '../../api/StalwartApi';
import { statusQueryKey } from '../../queries/useInstanceStatus';
import { QuerySpec, useSharedQueries } from '../../queries/useSharedQueries';
import { FleetRow, fleetRow } from './fleetRows';

/** Every instance entity in the catalog, with its status and drift from the shared cache. */
export function useFleet(): {
  loading: boolean;
  error?: Error;
  rows: FleetRow[];
} {
  const catalogApi = useApi(catalogApiRef);
  const stalwartApi = useApi(stalwartApiRef);
  const entities = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: {
        [`metadata.annotations.${STALWART_ANNOTATIONS.release}`]:
          CATALOG_FILTER_EXISTS,
      },
    });
    return response.items;
  }, [catalogApi]);

  const items = useMemo(() => entities.value ?? [], [entities.value]);
  const statusSpecs = useMemo<QuerySpec<InstanceStatusResponseV1>[]>(
    () =>
      items.map(entity => ({
        key: statusQueryKey(entity),
        fetch: signal =>
          stalwartApi.getInstanceStatus(getCompoundEntityRef(entity), {
            signal,
          }),
      })),
    [items, stalwartApi],
  );
  const driftSpecs = useMemo<QuerySpec<InstanceDriftResponseV1>[]>(
    () =>
      items.map(entity => ({
        key: `drift:${stringifyEntityRef(entity).toLocaleLowerCase('en-US')}`,
        fetch: signal =>
          stalwartApi.getInstanceDrift(getCompoundEntityRef(entity), {
            signal,
          }),
      })),
    [items, stalwartApi],
  );
  const statuses = useSharedQueries(statusSpecs);
  const drifts = useSharedQueries(driftSpecs);

  // Typing in the search box re-renders the page: only new answers rebuild the rows.
  const rows = useMemo(
    () =>
      items.map((entity: Entity, i) =>
        fleetRow(
          entity,
          statuses.get(statusSpecs[i].key),
          drifts.get(driftSpecs[i].key),
        ),
      ),
    [items, statuses, drifts, statusSpecs, driftSpecs],
  );
  return { loading: entities.loading, error: entities.error, rows };
}
