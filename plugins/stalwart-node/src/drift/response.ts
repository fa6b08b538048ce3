import {
  DRIFT_CLASSES,
  type InstanceDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_CLASS_INFO } from '@stalwart-backstage/plugin-stalwart-common';
import type { DriftReport } from './types';

/** @public */
export interface DriftResponseContext {
  entityRef: string;
  cluster: string;
  instance: InstanceDriftResponseV1['instance'];
  fetchedAt: Date;
  /** Show the classes hidden by default (server-managed keys) too. */
  includeHidden?: boolean;
}

/**
 * The API response for a report: every count, and the items of the visible classes.
 *
 * @public
 */
export function toDriftResponseV1(
  report: DriftReport,
  context: DriftResponseContext,
): InstanceDriftResponseV1 {
  const hiddenClasses = context.includeHidden
    ? []
    : DRIFT_CLASSES.filter(c => DRIFT_CLASS_INFO[c].hiddenByDefault);
  return {
    apiVersion: 'v1',
    entityRef: context.entityRef,
    engine: report.engine,
    cluster: context.cluster,
    instance: context.instance,
    counts: report.counts,
    hiddenClasses,
    items: report.items.filter(i => !hiddenClasses.includes(i.class)),
    pods: report.pods,
    errors: report.errors,
    fetchedAt: context.fetchedAt.toISOString(),
  };
}
