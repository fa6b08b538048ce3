import {
  DRIFT_CLASSES,
  type DriftClass,
  type DriftExplanationId,
  type DriftItemV1,
  type DriftPodRefV1,
  type DriftRemediationAction,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { SafeValue } from './masking';

/** One observation before pods are merged: an item's state as one pod (or the registry) showed it. */
export interface Observation {
  /** The key or object/field the item is about; items with equal subjects are one setting. */
  subject: string;
  /** Computed once per item, not per pod, when absent (`ItemCollector`'s `groupOf`). */
  group?: string;
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
 * One state of one setting: the item that shows it (its id is given when the report is
 * assembled) and the pods that showed it, which are the item's own `pods`.
 */
export interface ItemState<A = unknown> {
  readonly subject: string;
  readonly item: DriftItemV1;
  readonly liveDigest: string | undefined;
  readonly rank: number;
  /** What the engine needs later for this state (stored keys, a registry fix). */
  attachment?: A;
  /** The next state of the same subject. */
  next?: ItemState<A>;
  /** On a subject's first state: whether any of its states drifted. */
  drifted?: boolean;
}

/** The report's items in display order, and the state each came from (same positions). */
export interface CollectedItems<A> {
  items: DriftItemV1[];
  states: Array<ItemState<A>>;
}

type PodOrPods = DriftPodRefV1 | readonly DriftPodRefV1[] | undefined;

/**
 * Merges per-pod observations into items: pods that saw the same state share one item, and a
 * setting that drifted on some pods shows only its drifted states (the rest are in sync).
 *
 * Each state is built as its final item at once, with the states of one subject chained: a
 * 5,000-key report keeps one state, one item and one pod list per setting alive, no more.
 */
export class ItemCollector<A = unknown> {
  private readonly subjects = new Map<string, ItemState<A>>();
  private count = 0;

  constructor(private readonly groupOf: (subject: string) => string = s => s) {}

  /** Records `observation` as one pod, several alike, or none (the registry) showed it. */
  add(observation: Observation, pods?: PodOrPods): ItemState<A> {
    const { subject, live } = observation;
    const head = this.subjects.get(subject);
    const state =
      head &&
      findState(head, observation.class, observation.explanation, live?.digest);
    if (state) {
      addPods(state.item.pods, pods);
      return state;
    }
    return this.create(head, observation, live?.digest, pods);
  }

  /** Items in display order (most urgent class, then subject), each given its stable id. */
  items(): CollectedItems<A> {
    const states: Array<ItemState<A>> = new Array(this.count);
    let kept = 0;
    // Subjects with several kept states: their ids are numbered in display order.
    let numbered: Set<string> | undefined;
    for (const [subject, head] of this.subjects) {
      const first = kept;
      for (
        let state: ItemState<A> | undefined = head;
        state;
        state = state.next
      )
        if (!head.drifted || state.item.class !== 'in-sync')
          states[kept++] = state;
      if (kept - first > 1) (numbered ??= new Set()).add(subject);
    }
    states.length = kept;
    states.sort((a, b) => a.rank - b.rank || compareText(a.subject, b.subject));
    const seen = new Map<string, number>();
    const items = states.map(state => {
      const { subject, item } = state;
      if (numbered?.has(subject)) {
        const n = seen.get(subject) ?? 0;
        seen.set(subject, n + 1);
        item.id = n === 0 ? subject : `${subject}#${n + 1}`;
      } else item.id = subject;
      return item;
    });
    return { items, states };
  }

  /** Per item id, the attachments of the items that have one. */
  static attachmentsById<A>({
    items,
    states,
  }: CollectedItems<A>): Record<string, A> {
    const byId: Record<string, A> = {};
    states.forEach((state, i) => {
      if (state.attachment !== undefined) byId[items[i].id] = state.attachment;
    });
    return byId;
  }

  private create(
    head: ItemState<A> | undefined,
    observation: Observation,
    liveDigest: string | undefined,
    pods: PodOrPods,
  ): ItemState<A> {
    const state: ItemState<A> = {
      subject: observation.subject,
      item: this.itemOf(observation, podList(pods)),
      liveDigest,
      rank: CLASS_RANK.get(observation.class)!,
    };
    this.count += 1;
    if (head) lastOf(head).next = state;
    else this.subjects.set(state.subject, state);
    if (observation.class !== 'in-sync') (head ?? state).drifted = true;
    return state;
  }

  // One literal in the API's field order (the id is given later): an item that grows field by
  // field reallocates its property store several times, and items are most of a report's memory.
  // Absent optional fields are undefined, which the JSON response drops.
  private itemOf(o: Observation, pods: DriftPodRefV1[]): DriftItemV1 {
    return {
      id: '',
      key: o.key,
      object: o.object,
      group: o.group ?? this.groupOf(o.subject),
      class: o.class,
      explanation: o.explanation,
      declared: o.declared?.text,
      live: o.live?.text,
      masked: Boolean(o.declared?.masked || o.live?.masked),
      pods,
      remediations: o.remediations,
    };
  }
}

/** A new item's pod list, sized to the pods that showed its state. */
function podList(pods: PodOrPods): DriftPodRefV1[] {
  if (!pods) return [];
  return Array.isArray(pods) ? pods.slice() : [pods as DriftPodRefV1];
}

function compareText(a: string, b: string) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function addPods(list: DriftPodRefV1[], pods: PodOrPods) {
  if (!pods) return;
  if (!Array.isArray(pods)) list.push(pods as DriftPodRefV1);
  else for (const pod of pods) list.push(pod);
}

function lastOf<A>(head: ItemState<A>): ItemState<A> {
  let state = head;
  while (state.next) state = state.next;
  return state;
}

function findState<A>(
  head: ItemState<A>,
  cls: DriftClass,
  explanation: DriftExplanationId,
  liveDigest: string | undefined,
): ItemState<A> | undefined {
  for (let state: ItemState<A> | undefined = head; state; state = state.next)
    if (
      state.item.class === cls &&
      state.item.explanation === explanation &&
      state.liveDigest === liveDigest
    )
      return state;
  return undefined;
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
