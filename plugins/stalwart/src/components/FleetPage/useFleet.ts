import {
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

  // Each answer rebuilds the rows: an entity's ref and keys are made once per catalog answer.
  const fleet = useMemo(
    () =>
      (entities.value ?? []).map(entity => {
        const ref = stringifyEntityRef(entity);
        return {
          entity,
          ref,
          statusKey: statusQueryKey(ref),
          driftKey: driftQueryKey(ref),
        };
      }),
    [entities.value],
  );
  const statusSpecs = useMemo<QuerySpec<InstanceStatusResponseV1>[]>(
    () =>
      fleet.map(({ entity, statusKey }) => ({
        key: statusKey,
        fetch: signal =>
          stalwartApi.getInstanceStatus(getCompoundEntityRef(entity), {
            signal,
          }),
      })),
    [fleet, stalwartApi],
  );
  const byRef = useMemo(() => new Map(fleet.map(f => [f.ref, f])), [fleet]);
  const driftRefsKey = driftRefs.join('\n');
  const driftSpecs = useMemo<QuerySpec<InstanceDriftResponseV1>[]>(
    () =>
      driftRefsKey
        .split('\n')
        .flatMap(ref => byRef.get(ref) ?? [])
        .map(({ entity, driftKey }) => ({
          key: driftKey,
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
      fleet.map(({ entity, ref, statusKey, driftKey }) =>
        fleetRow(
          entity,
          statuses.get(statusKey),
          drifts.get(driftKey) ??
            cache.snapshot<InstanceDriftResponseV1>(driftKey),
          ref,
        ),
      ),
    [fleet, statuses, drifts, cache],
  );
  return { loading: entities.loading, error: entities.error, rows };
}
