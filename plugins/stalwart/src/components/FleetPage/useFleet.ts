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
import { stalwartQueryCacheApiRef } from '../../queries/SharedQueryCache';
import { driftQueryKey } from '../../queries/useInstanceDrift';
import { statusQueryKey } from '../../queries/useInstanceStatus';
import { QuerySpec, useSharedQueries } from '../../queries/useSharedQueries';
import { FleetRow, fleetRow } from './fleetRows';

/**
 * Every instance entity in the catalog with its status, and the drift of the instances in
 * `driftRefs` (the rows on screen). Drift is a live read of each Stalwart server, so a fleet of
 * thousands is not read in full every interval by every viewer: other rows show the drift last
 * read on this page, if any.
 */
export function useFleet(driftRefs: readonly string[] = []): {
  loading: boolean;
  error?: Error;
  rows: FleetRow[];
} {
  const catalogApi = useApi(catalogApiRef);
  const stalwartApi = useApi(stalwartApiRef);
  const cache = useApi(stalwartQueryCacheApiRef);
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
  const byRef = useMemo(
    () => new Map(items.map(entity => [stringifyEntityRef(entity), entity])),
    [items],
  );
  const driftRefsKey = driftRefs.join('\n');
  const driftSpecs = useMemo<QuerySpec<InstanceDriftResponseV1>[]>(
    () =>
      driftRefsKey
        .split('\n')
        .flatMap(ref => byRef.get(ref) ?? [])
        .map(entity => ({
          key: driftQueryKey(entity),
          fetch: signal =>
            stalwartApi.getInstanceDrift(getCompoundEntityRef(entity), {
              signal,
            }),
        })),
    [byRef, driftRefsKey, stalwartApi],
  );
  const statuses = useSharedQueries(statusSpecs);
  const drifts = useSharedQueries(driftSpecs);

  // Typing in the search box re-renders the page: only new answers rebuild the rows.
  const rows = useMemo(
    () =>
      items.map((entity: Entity, i) => {
        const driftKey = driftQueryKey(entity);
        return fleetRow(
          entity,
          statuses.get(statusSpecs[i].key),
          drifts.get(driftKey) ??
            cache.snapshot<InstanceDriftResponseV1>(driftKey),
        );
      }),
    [items, statuses, drifts, statusSpecs, cache],
  );
  return { loading: entities.loading, error: entities.error, rows };
}
