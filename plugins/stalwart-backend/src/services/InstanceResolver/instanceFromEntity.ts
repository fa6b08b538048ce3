import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  namedClusters,
  STALWART_ANNOTATIONS,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { ResolvedInstance } from './types';
import {
  ChartFlavor,
  getChartFlavor,
  isChartFlavorId,
} from '@stalwart-backstage/plugin-stalwart-charts';

/** Where a catalog entity's Stalwart release runs, read from its annotations. */
export interface InstanceLocation {
  release: string;
  namespace: string;
  /** The clusters named by the entity; `undefined` means every configured cluster. */
  clusters?: string[];
  chart?: string;
  flavor?: ChartFlavor;
  hostname?: string;
}

export function instanceFromEntity(
  entity: Entity,
  entityRef: string,
): InstanceLocation {
  const annotations = entity.metadata.annotations ?? {};
  const release = annotations[STALWART_ANNOTATIONS.release]?.trim();
  if (!release) {
    throw new NotFoundError(
      `${entityRef} is not a Stalwart instance: it has no ${STALWART_ANNOTATIONS.release} annotation`,
    );
  }
  const clusters = namedClusters(entity);
  const chart = annotations[STALWART_ANNOTATIONS.chart]?.trim() || undefined;
  return {
    release,
    namespace: annotations[STALWART_ANNOTATIONS.namespace]?.trim() || 'default',
    clusters: clusters.length ? clusters : undefined,
    chart,
    flavor: chart && isChartFlavorId(chart) ? getChartFlavor(chart) : undefined,
    hostname: annotations[STALWART_ANNOTATIONS.hostname]?.trim() || undefined,
  };
}

/**
 * An instance from an entity the caller already read from the catalog with its own
 * credentials (the fleet list, the owner notifier's service-scoped scan).
 */
export function resolvedInstanceOf(entity: Entity): ResolvedInstance {
  const entityRef = stringifyEntityRef(entity);
  return { entityRef, entity, location: instanceFromEntity(entity, entityRef) };
}
