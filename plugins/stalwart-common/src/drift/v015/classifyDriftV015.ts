import type {
  DriftExplanationId,
  DriftPodRefV1,
  DriftPodV1,
  DriftReadErrorV1,
  DriftRemediationAction,
} from '../../api/driftV1';
import { StalwartTomlError, type LocalKeyPatterns } from '../../toml';
import { safeValue, type SafeValue } from '../masking';
import {
  ItemCollector,
  countByClass,
  type ItemState,
  type Observation,
} from '../report';
import type { DriftReport } from '../types';
import { comparableConfig, findComparableKey } from './comparableConfig';
import {
  declaredSideFor,
  isSecretLikeKeyCached,
  type DeclaredSide,
} from './declaredSide';
import { isServerManagedKeyV015 } from './serverManaged';
import type { V015DriftInput, V015PodInput } from './types';

/** The setting a key belongs to: the part before its first list index, else its parent. */
export function settingGroupV015(key: string): string {
  const index = /\.\d+(?:\.|$)/.exec(key)?.index;
  if (index !== undefined && index > 0) return key.slice(0, index);
  const last = key.lastIndexOf('.');
  return last > 0 ? key.slice(0, last) : key;
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

/** One engine run: shared caches for the pods of an instance. */
class V015Comparison {
  // Per run only: their keys are raw values, which must not outlive the read.
  private readonly secretValues = new Map<string, SafeValue>();
  private readonly plainValues = new Map<string, SafeValue>();
  readonly collector = new ItemCollector(settingGroupV015);
  readonly storedKeys = new Map<ItemState, string[]>();
  patterns?: LocalKeyPatterns;

  constructor(private readonly configToml: string) {}

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

  /** The ConfigMap as this pod's init container rendered it, in comparison form. */
  declaredFor(pod: V015PodInput): DeclaredSide {
    const side = declaredSideFor(this.configToml, pod.substitutions ?? {});
    this.patterns ??= side.patterns;
    return side;
  }

  observe(
    pod: DriftPodRefV1,
    key: string,
    o: Omit<Observation, 'subject' | 'key' | 'remediations'>,
    storedKeys?: string[],
  ) {
    // Most pods agree: join the state another pod created before building a closure for a new one.
    const state =
      this.collector.joinState(
        key,
        o.class,
        o.explanation,
        o.live?.digest,
        pod,
      ) ??
      this.collector.addState(
        key,
        o.class,
        o.explanation,
        o.live?.digest,
        () => ({
          ...o,
          subject: key,
          key,
          remediations:
            o.class === 'in-sync' ? [] : REMEDIES[o.explanation] ?? [],
        }),
        pod,
      );
    if (storedKeys) this.storedKeys.set(state, storedKeys);
  }
}

/**
 * Classifies every setting of a v0.15 instance (stalwart-v015.md §2.1–2.8): the ConfigMap's
 * config.toml, substituted per pod as the chart's init container does, against each pod's
 * `/api/settings/list`. Pure and synchronous; secret-like values never leave it unmasked.
 *
 * @public
 */
export function classifyDriftV015(input: V015DriftInput): DriftReport {
  const run = new V015Comparison(input.configToml);
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

  const read = input.pods
    .map((pod, i) => ({ input: pod, pod: pods[i] }))
    .filter(p => p.input.settings !== undefined);
  const live = read.map(p => comparableConfig(p.input.settings!));
  // Database keys are shared, so every pod serves them; a key only some pods serve comes from their own file.
  const servedBy = new Map<string, number>();
  for (const config of live)
    for (const key of config.values.keys())
      servedBy.set(key, (servedBy.get(key) ?? 0) + 1);

  read.forEach(({ input: podInput, pod: podState }, i) => {
    const pod: DriftPodRefV1 = {
      name: podState.name,
      ...(podState.nodeId !== undefined ? { nodeId: podState.nodeId } : {}),
    };
    let declaredSide: DeclaredSide;
    try {
      declaredSide = run.declaredFor(podInput);
    } catch (error) {
      if (!(error instanceof StalwartTomlError)) throw error;
      // Stalwart would refuse this file too: nothing declared can be compared.
      if (!errors.some(e => e.source === 'configmap'))
        errors.push({ source: 'configmap', message: error.message });
      return;
    }
    const { config: declared, entries } = declaredSide;
    const patterns = run.patterns!;
    const liveConfig = live[i];
    const matched = new Set<string>();
    const stale = podState.staleConfig;

    for (const { key, shown, text, value: declaredValue } of entries) {
      const liveKey = findComparableKey(liveConfig, key);
      if (liveKey === undefined) {
        run.observe(pod, shown, {
          class: 'missing-live',
          explanation: stale ? 'pod-on-old-config' : 'not-served',
          declared: declaredValue,
        });
        continue;
      }
      matched.add(liveKey);
      const liveText = liveConfig.values.get(liveKey)!;
      const liveValue =
        liveText === text ? declaredValue : run.value(key, liveText);
      if (liveValue.digest === declaredValue.digest) {
        run.observe(pod, shown, {
          class: 'in-sync',
          explanation: 'matches-git',
          declared: declaredValue,
          live: liveValue,
        });
        continue;
      }
      let explanation: DriftExplanationId = 'pod-file-differs';
      if (stale) explanation = 'pod-on-old-config';
      else if (stale === false && patterns.isLocal(key))
        explanation = 'local-key-edited-live';
      run.observe(pod, shown, {
        class: 'changed-live',
        explanation,
        declared: declaredValue,
        live: liveValue,
      });
    }

    for (const [key, text] of liveConfig.values) {
      if (matched.has(key)) continue;
      const stored = liveConfig.sourceKeys.get(key) ?? [key];
      const liveValue = run.value(key, text);
      const fromDatabase =
        !patterns.isLocal(key) && servedBy.get(key) === read.length;
      if (fromDatabase) {
        const server = isServerManagedKeyV015(stored[0]);
        run.observe(
          pod,
          stored[0],
          {
            class: server ? 'database-only-server' : 'database-only-user',
            explanation: server ? 'server-managed' : 'database-only',
            live: liveValue,
          },
          stored,
        );
        continue;
      }
      let explanation: DriftExplanationId = 'pod-file-differs';
      if (stale) explanation = 'pod-on-old-config';
      else if (patterns.isLocal(key)) explanation = 'local-key-edited-live';
      run.observe(pod, stored[0], {
        class: 'changed-live',
        explanation,
        live: liveValue,
      });
    }

    for (const key of podInput.localKeysInDatabase ?? []) {
      const declaredKey = findComparableKey(declared, key);
      run.observe(pod, key, {
        class: 'shadowed',
        explanation: 'local-key-in-database',
        ...(declaredKey !== undefined
          ? { declared: run.value(key, declared.values.get(declaredKey)!) }
          : {}),
      });
    }
  });

  const collected = run.collector.items();
  const items = collected.map(c => c.item);
  const storedKeys: Record<string, string[]> = {};
  for (const { item, state } of collected) {
    const keys = run.storedKeys.get(state);
    if (keys) storedKeys[item.id] = keys;
  }
  return {
    engine: 'v0.15',
    items,
    counts: countByClass(items),
    pods,
    errors,
    storedKeys,
    registryFixes: {},
  };
}
