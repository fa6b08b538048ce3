import {
  DRIFT_CLASSES,
  type DriftClass,
  type DriftExplanationId,
  type DriftItemV1,
  type DriftPodRefV1,
  type DriftRemediationAction,
} from '../api/driftV1';
import type { SafeValue } from './masking';

/** One observation before pods are merged: an item's state as one pod (or the registry) showed it. */
export interface Observation {
  /** The key or object/field the item is about; items with equal subjects are one setting. */
  subject: string;
  group: string;
  class: DriftClass;
  explanation: DriftExplanationId;
  declared?: SafeValue;
  live?: SafeValue;
  remediations: DriftRemediationAction[];
  key?: string;
  object?: DriftItemV1['object'];
}

const CLASS_RANK = new Map(DRIFT_CLASSES.map((c, i) => [c, i]));

/**
 * Merges per-pod observations into items: pods that saw the same state share one item, and a
 * setting that drifted on some pods shows only its drifted states (the rest are in sync).
 */
export class ItemCollector {
  private readonly merged = new Map<
    string,
    { observation: Observation; pods: DriftPodRefV1[] }
  >();
  private readonly drifted = new Set<string>();

  add(observation: Observation, pod?: DriftPodRefV1): string {
    const state = `${observation.subject}\u0000${observation.class}\u0000${
      observation.explanation
    }\u0000${observation.live?.digest ?? ''}`;
    let entry = this.merged.get(state);
    if (!entry) {
      entry = { observation, pods: [] };
      this.merged.set(state, entry);
    }
    if (pod) entry.pods.push(pod);
    if (observation.class !== 'in-sync') this.drifted.add(observation.subject);
    return state;
  }

  /** Items in display order, each with a stable id, and the state key each id came from. */
  items(): Array<{ item: DriftItemV1; state: string }> {
    const kept = [...this.merged].filter(
      ([, { observation }]) =>
        observation.class !== 'in-sync' ||
        !this.drifted.has(observation.subject),
    );
    kept.sort(
      ([, a], [, b]) =>
        CLASS_RANK.get(a.observation.class)! -
          CLASS_RANK.get(b.observation.class)! ||
        (a.observation.subject < b.observation.subject ? -1 : 1),
    );
    const seen = new Map<string, number>();
    return kept.map(([state, { observation: o, pods }]) => {
      const base = o.subject;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const item: DriftItemV1 = {
        id: n === 0 ? base : `${base}#${n + 1}`,
        ...(o.key !== undefined ? { key: o.key } : {}),
        ...(o.object ? { object: o.object } : {}),
        group: o.group,
        class: o.class,
        explanation: o.explanation,
        ...(o.declared?.text !== undefined
          ? { declared: o.declared.text }
          : {}),
        ...(o.live?.text !== undefined ? { live: o.live.text } : {}),
        masked: Boolean(o.declared?.masked || o.live?.masked),
        pods,
        remediations: o.remediations,
      };
      return { item, state };
    });
  }
}

/** Items per class. */
export function countByClass(items: DriftItemV1[]): Record<DriftClass, number> {
  const counts = Object.fromEntries(DRIFT_CLASSES.map(c => [c, 0])) as Record<
    DriftClass,
    number
  >;
  for (const item of items) counts[item.class] += 1;
  return counts;
}
