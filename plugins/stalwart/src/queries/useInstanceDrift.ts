import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import type { InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { isStalwartInstance } from '@stalwart-backstage/plugin-stalwart-common';
import { useCallback } from 'react';
import { stalwartApiRef } from '../api/StalwartApi';
import { entityQueryKey } from './entityQueryKey';
import { SharedQueryResult, useSharedQuery } from './useSharedQuery';

/**
 * The settings drift of an instance entity, shared and refreshed like its status; with
 * `enabled: false` (an instance not deployed yet) nothing is asked.
 *
 * @public
 */
export function useInstanceDrift(
  entity: Entity,
  options: { includeHidden: boolean; enabled?: boolean },
): SharedQueryResult<InstanceDriftResponseV1> {
  const api = useApi(stalwartApiRef);
  const { includeHidden } = options;
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      api.getInstanceDrift(getCompoundEntityRef(entity), {
        signal,
        includeHidden,
      }),
    [api, entity, includeHidden],
  );
  const key = driftQueryKey(entity, includeHidden);
  const enabled = isStalwartInstance(entity) && options.enabled !== false;
  return useSharedQuery(enabled ? key : undefined, fetcher);
}

/** The shared cache's key for an instance's drift, shared by its drift card and the fleet page. */
export function driftQueryKey(
  entity: Entity | string,
  includeHidden = false,
): string {
  return entityQueryKey(includeHidden ? 'drift-all' : 'drift', entity);
}
