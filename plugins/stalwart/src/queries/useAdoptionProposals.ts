import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import type { AdoptionProposalsResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { isStalwartInstance } from '@stalwart-backstage/plugin-stalwart-common';
import { useCallback } from 'react';
import { stalwartApiRef } from '../api/StalwartApi';
import { entityQueryKey } from './entityQueryKey';
import { SharedQueryResult, useSharedQuery } from './useSharedQuery';

/**
 * The open adoptions of an instance, read once when shown and again when refreshed: each one
 * asks the fleet repository (or GitHub / GitLab), which is not worth polling.
 */
export function useAdoptionProposals(
  entity: Entity,
): SharedQueryResult<AdoptionProposalsResponseV1> {
  const api = useApi(stalwartApiRef);
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      api.listAdoptions(getCompoundEntityRef(entity), { signal }),
    [api, entity],
  );
  const key = entityQueryKey('adoptions', entity);
  return useSharedQuery(isStalwartInstance(entity) ? key : undefined, fetcher, {
    poll: false,
  });
}
