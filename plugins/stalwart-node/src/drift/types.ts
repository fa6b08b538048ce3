import type {
  DriftClass,
  DriftEngine,
  DriftItemV1,
  DriftPodV1,
  DriftReadErrorV1,
} from '@stalwart-backstage/plugin-stalwart-common';

/**
 * What a drift engine returns: the response's substance, plus what the remediation planner
 * needs and the response does not show.
 *
 * @public
 */
export interface DriftReport {
  engine: DriftEngine;
  /** Every item, hidden classes included, most urgent class first. */
  items: DriftItemV1[];
  counts: Record<DriftClass, number>;
  pods: DriftPodV1[];
  errors: DriftReadErrorV1[];
  /** v0.15: per item id, the keys as the settings database stores them (what DELETE takes). */
  storedKeys: Record<string, string[]>;
  /** v0.16: per item id, the registry calls that restore it, before the reload. */
  registryFixes: Record<string, RegistryFix>;
}

/**
 * One registry change that resets a v0.16 item to git.
 *
 * @public
 */
export type RegistryFix =
  | { kind: 'update'; type: string; id: string; patch: Record<string, unknown> }
  | { kind: 'create'; type: string; value: Record<string, unknown> }
  | { kind: 'destroy'; type: string; id: string };

/**
 * The StatefulSet or Deployment that runs the pods, for rollout restarts.
 *
 * @public
 */
export interface WorkloadRef {
  kind: 'StatefulSet' | 'Deployment';
  namespace: string;
  name: string;
}

/**
 * A failed read, as the transport reports it to an engine.
 *
 * @public
 */
export interface ReadFailure {
  message: string;
  statusCode?: number;
}
