import type { ReadFailure } from '../types';

/**
 * One pod's live state as the transport read it.
 *
 * @public
 */
export interface V015PodInput {
  name: string;
  /** From the chart (`nodeIdForPod`). */
  nodeId?: number;
  /** The chart's init-container substitutions for this pod (`podSubstitutionsV015`). */
  substitutions?: Record<string, string>;
  /** The pod's config checksum annotation, for charts that set one. */
  configChecksum?: string;
  /** `GET /api/settings/list` (no prefix, `limit=0`): `data.items`, full key → raw value. */
  settings?: Record<string, string>;
  /** Why `settings` is missing. */
  error?: ReadFailure;
}

/**
 * Everything the v0.15 engine compares.
 *
 * @public
 */
export interface V015DriftInput {
  /** The ConfigMap's config.toml, as rendered from git (placeholders unsubstituted). */
  configToml: string;
  /** The workload's current config checksum annotation, when the chart sets one. */
  currentConfigChecksum?: string;
  pods: V015PodInput[];
}
