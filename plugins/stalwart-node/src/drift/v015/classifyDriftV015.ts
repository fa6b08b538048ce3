import type {
  DriftClass,
  DriftExplanationId,
  DriftPodRefV1,
  DriftPodV1,
  DriftReadErrorV1,
  DriftRemediationAction,
} from '@stalwart-backstage/plugin-stalwart-common';
import { StalwartTomlError, type LocalKeyPatterns } from '../../toml';
import { safeValue, type SafeValue } from '../masking';
import {
  ItemCollector,
  countByClass,
  type ItemState,
  type Observation,
} from '../report';
import type { DriftReport } from '../types';
import { declaredAcrossPods, type DeclaredKey } from './declaredAcrossPods';
import {
  declaredSideFor,
  isSecretLikeKeyCached,
  type DeclaredSide,
} from './declaredSide';
import {
  claim,
  claimByAll,
  isClaimedBy,
  liveIndexOf,
  liveKeyForPod,
  servedAlikeByAll,
  storedSpellings,
  textOn,
  type LiveIndex,
} from './liveIndex';
import { isServerManagedKeyV015 } from './serverManaged';
import type { V015DriftInput, V015PodInput } from './types';

/** The setting a key belongs to: the part before its first list index, else its parent. */
export function settingGroupV015(key: string): string {
  const index = firstIndexSegment(key);
  if (index > 0) return key.slice(0, index);
  const last = key.lastIndexOf('.');
  return last > 0 ? key.slice(0, last) : key;
}

/** Where `.<digits>` followed by `.` or the end first occurs, else -1 (a scan, once per item). */
function firstIndexSegment(key: string): number {
  for (
    let dot = key.indexOf('.');
    dot !== -1;
    dot = key.indexOf('.', dot + 1)
  ) {
    let end = dot + 1;
    while (end < key.length) {
      const code = key.charCodeAt(end);
      if (code < 48 || code > 57) break;
      end += 1;
    }
    if (end > dot + 1 && (end === key.length || key.charCodeAt(end) === 46))
      return dot;
  }
  return -1;
}

const REMEDIES: Partial<Record<DriftExplanationId, DriftRemediationAction[]>> =
  {
    'pod-on-old-config': ['restart-stale-pods', 'reset-to-git'],
    'local-key-edited-live': ['reset-to-git'],
    'pod-file-differs': ['reset-to-git'],
    'not-served': ['reset-to-git'],
    'database-only': ['reset-to-git'],
    'server-managed': ['reset-to-git'],
  };

// One literal of fixed shape: an object grown field by field reallocates as it grows.
function observationOf(
  subject: string,
  cls: DriftClass,
  explanation: DriftExplanationId,
  declared: SafeValue | undefined,
  live: SafeValue | undefined,
): Observation {
  return {
    subject,
    key: subject,
    class: cls,
    explanation,
    declared,
    live,
    remediations: cls === 'in-sync' ? [] : REMEDIES[explanation] ?? [],
  };
}

/** One engine run: shared caches for the pods of an instance. */
class V015Comparison {
  // Per run only: their keys are raw values, which must not outlive the read.
  private readonly secretValues = new Map<string, SafeValue>();
  private readonly plainValues = new Map<string, SafeValue>();
  /** Attached to items: the keys as the settings database stores them. */
  readonly collector = new ItemCollector<string[]>(settingGroupV015);

  value(key: string, text: string): SafeValue {
    const secret = isSecretLikeKeyCached(key);
    const cache = secret ? this.secretValues : this.plainValues;
    let value = cache.get(text);
    if (!value) {
      value = safeValue(secret, text);
      cache.set(text, value);
    }
    return value;
  }

  /** Records a state of `subject` as one pod, or several alike, showed it. */
  observe(
    pods: DriftPodRefV1 | readonly DriftPodRefV1[],
    subject: string,
    cls: DriftClass,
    explanation: DriftExplanationId,
    declared: SafeValue | undefined,
    live: SafeValue | undefined,
  ): ItemState<string[]> {
    return this.collector.add(
      observationOf(subject, cls, explanation, declared, live),
      pods,
    );
  }

  /** A key only the settings database holds, with the spellings DELETE takes. */
  observeDatabaseKey(
    pods: DriftPodRefV1 | readonly DriftPodRefV1[],
    stored: string[],
    server: boolean,
    live: SafeValue,
  ) {
    this.observe(
      pods,
      stored[0],
      server ? 'database-only-server' : 'database-only-user',
      server ? 'server-managed' : 'database-only',
      undefined,
      live,
    ).attachment = stored;
  }
}

/** A read pod, with what its classification needs at hand. */
interface ReadPod {
  /** Its position among the read pods, which is its position in the live index. */
  index: number;
  ref: DriftPodRefV1;
  stale?: boolean;
  input: V015PodInput;
  side?: DeclaredSide;
}

/**
 * Classifies every setting of a v0.15 instance (stalwart-v015.md §2.1–2.8): the ConfigMap's
 * config.toml, substituted per pod as the chart's init container does, against each pod's
 * `/api/settings/list`. Pure and synchronous; secret-like values never leave it unmasked.
 *
 * Key by key, not pod by pod: every pod's settings are folded into one index and each setting
 * is compared for all pods in one visit, since most pods serve the same values.
 *
 * @public
 */
export function classifyDriftV015(input: V015DriftInput): DriftReport {
  const run = new V015Comparison();
  const errors: DriftReadErrorV1[] = [];
  const pods: DriftPodV1[] = input.pods.map(pod => ({
    name: pod.name,
    ...(pod.nodeId !== undefined ? { nodeId: pod.nodeId } : {}),
    ...(pod.configChecksum ? { configChecksum: pod.configChecksum } : {}),
    ...(pod.configChecksum && input.currentConfigChecksum
      ? { staleConfig: pod.configChecksum !== input.currentConfigChecksum }
      : {}),
    read: pod.settings !== undefined,
  }));
  input.pods.forEach(pod => {
    if (!pod.settings)
      errors.push({
        pod: pod.name,
        source: 'settings',
        ...(pod.error?.statusCode ? { statusCode: pod.error.statusCode } : {}),
        message: pod.error?.message ?? 'The settings were not read.',
      });
  });

  const read: ReadPod[] = [];
  input.pods.forEach((podInput, i) => {
    if (podInput.settings === undefined) return;
    const state = pods[i];
    read.push({
      index: read.length,
      ref: {
        name: state.name,
        ...(state.nodeId !== undefined ? { nodeId: state.nodeId } : {}),
      },
      stale: state.staleConfig,
      input: podInput,
    });
  });
  for (const pod of read) {
    try {
      pod.side = declaredSideFor(
        input.configToml,
        pod.input.substitutions ?? {},
      );
    } catch (error) {
      if (!(error instanceof StalwartTomlError)) throw error;
      // Stalwart would refuse this file too: nothing declared can be compared on this pod.
      if (!errors.some(e => e.source === 'configmap'))
        errors.push({ source: 'configmap', message: error.message });
    }
  }
  const compared = read.filter(pod => pod.side);
  if (compared.length > 0) {
    const index = liveIndexOf(read.map(pod => pod.input.settings!));
    const declared = declaredAcrossPods(compared.map(pod => pod.side!));
    const patterns = compared[0].side!.patterns;
    // Every read pod's file parsed: a setting alike on all of them is recorded once for all.
    const allRefs =
      compared.length === read.length
        ? compared.map(pod => pod.ref)
        : undefined;
    compareDeclared(run, declared, compared, index, patterns, allRefs);
    compareLiveOnly(run, compared, index, patterns, allRefs);
  }

  const collected = run.collector.items();
  return {
    engine: 'v0.15',
    items: collected.items,
    counts: countByClass(collected.items),
    pods,
    errors,
    storedKeys: ItemCollector.attachmentsById(collected),
    registryFixes: {},
  };
}

/** Every declared key against what each pod serves under it. */
function compareDeclared(
  run: V015Comparison,
  declared: DeclaredKey[],
  compared: ReadPod[],
  index: LiveIndex,
  patterns: LocalKeyPatterns,
  allRefs: DriftPodRefV1[] | undefined,
) {
  for (const { key, alternative, perPod, onEveryPod } of declared) {
    const primary = index.keys.get(key);
    // Most keys: declared alike in every pod's file, served alike by every pod, and in sync.
    if (
      allRefs &&
      onEveryPod &&
      primary &&
      servedAlikeByAll(primary, index.pods)
    ) {
      const liveValue =
        primary.text === onEveryPod.text
          ? onEveryPod.value
          : run.value(key, primary.text);
      if (liveValue.digest === onEveryPod.value.digest) {
        claimByAll(primary);
        run.observe(
          allRefs,
          onEveryPod.shown,
          'in-sync',
          'matches-git',
          onEveryPod.value,
          liveValue,
        );
        continue;
      }
    }
    const other = index.keys.get(alternative);
    for (let p = 0; p < compared.length; p++) {
      const entry = perPod[p];
      if (!entry) continue;
      const pod = compared[p];
      const live = liveKeyForPod(primary, other, pod.index);
      if (!live) {
        run.observe(
          pod.ref,
          entry.shown,
          'missing-live',
          pod.stale ? 'pod-on-old-config' : 'not-served',
          entry.value,
          undefined,
        );
        continue;
      }
      claim(live, pod.index);
      const liveText = textOn(live, pod.index)!;
      const liveValue =
        liveText === entry.text ? entry.value : run.value(key, liveText);
      if (liveValue.digest === entry.value.digest) {
        run.observe(
          pod.ref,
          entry.shown,
          'in-sync',
          'matches-git',
          entry.value,
          liveValue,
        );
        continue;
      }
      let explanation: DriftExplanationId = 'pod-file-differs';
      if (pod.stale) explanation = 'pod-on-old-config';
      else if (pod.stale === false && patterns.isLocal(key))
        explanation = 'local-key-edited-live';
      run.observe(
        pod.ref,
        entry.shown,
        'changed-live',
        explanation,
        entry.value,
        liveValue,
      );
    }
  }
}

/** What pods serve that their file does not declare: the database's keys, or a pod's own edits. */
function compareLiveOnly(
  run: V015Comparison,
  compared: ReadPod[],
  index: LiveIndex,
  patterns: LocalKeyPatterns,
  allRefs: DriftPodRefV1[] | undefined,
) {
  for (const live of index.keys.values()) {
    if (live.claims === live.servedBy) continue;
    // Database keys are shared, so every pod serves them; a key only some pods serve comes from their own file.
    const fromDatabase =
      live.servedBy === index.pods && !patterns.isLocal(live.key);
    if (
      fromDatabase &&
      allRefs &&
      live.claims === 0 &&
      !live.sources &&
      servedAlikeByAll(live, index.pods)
    ) {
      const stored = storedSpellings(live, 0);
      run.observeDatabaseKey(
        allRefs,
        stored,
        isServerManagedKeyV015(stored[0]),
        run.value(live.key, live.text),
      );
      continue;
    }
    let server: boolean | undefined;
    let lastText: string | undefined;
    let lastValue: SafeValue | undefined;
    for (const pod of compared) {
      const text = textOn(live, pod.index);
      if (text === undefined) continue;
      if (isClaimedBy(live, pod.index)) continue;
      const stored = storedSpellings(live, pod.index);
      if (text !== lastText || !lastValue) {
        lastText = text;
        lastValue = run.value(live.key, text);
      }
      if (fromDatabase) {
        server ??= isServerManagedKeyV015(stored[0]);
        run.observeDatabaseKey(pod.ref, stored, server, lastValue);
        continue;
      }
      let explanation: DriftExplanationId = 'pod-file-differs';
      if (pod.stale) explanation = 'pod-on-old-config';
      else if (patterns.isLocal(live.key))
        explanation = 'local-key-edited-live';
      run.observe(
        pod.ref,
        stored[0],
        'changed-live',
        explanation,
        undefined,
        lastValue,
      );
    }
  }
}
