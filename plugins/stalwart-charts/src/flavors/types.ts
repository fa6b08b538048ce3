import type { ChartFlavor, ChartFlavorId } from '../charts/types';
import type { RenderContext } from '../render/context';
import type { Overrides } from '../render/deepMerge';
import type { SettingsPlanOperation } from '../settingsPlan/planFile';
import type {
  InstanceSpec,
  InstanceSpecInput,
} from '../spec/instanceSpecSchema';

/**
 * A data store Stalwart can keep its data in.
 *
 * @public
 */
export type DataStore = 'rocksdb' | 'postgresql' | 'foundationdb';

/**
 * Reports one problem with a spec field, named by its path.
 *
 * @public
 */
export type SpecProblemReporter = (
  path: Array<string | number>,
  message: string,
) => void;

/**
 * What a chart's values can express, checked when a spec is parsed.
 *
 * @public
 */
export interface FlavorSpecRules {
  /** The data stores the chart can run on; the first is its default. */
  dataStores: readonly [DataStore, ...DataStore[]];
  /** Storage blocks the chart needs whatever its data store (blob or search stores). */
  requiredStorage: ReadonlyArray<'s3' | 'meilisearch'>;
  /**
   * Who issues the mail certificate: cert-manager from `tls.issuer` (or an existing
   * `tls.secretName`), or the chart itself through acme-dns (`tls.acmeDns`).
   */
  tlsIssuance: 'cert-manager' | 'acme-dns';
  /** Refuses, field by field, what the chart cannot express beyond the facts above. */
  refuse(spec: InstanceSpec, report: SpecProblemReporter): void;
}

/**
 * The objects a chart renders itself; the GitOps renderer adds the ones it lacks.
 *
 * @public
 */
export interface ChartRenderedObjects {
  podDisruptionBudget: boolean;
  networkPolicy: boolean;
  /** The HTTP routing objects the chart makes from its values. */
  httpRouting: ReadonlyArray<'ingress' | 'gateway'>;
}

/**
 * Everything flavor-specific about a chart, behind one contract: the descriptor the status
 * backend reads, the chart's default values and how a spec changes them, what a spec may ask
 * of the chart, the keys it reads from the instance Secret, the objects it makes itself and
 * the settings a v0.16 chart cannot set from its values.
 *
 * @public
 */
export interface ChartFlavorModule<Id extends string = string> {
  descriptor: ChartFlavor<Id>;
  /** The chart's own values.yaml, as data, which every rendered values.yaml starts from. */
  defaultValues: Record<string, unknown>;
  /** What the spec changes in the defaults (`Replace` replaces instead of merging). */
  values(ctx: RenderContext): Overrides;
  spec: FlavorSpecRules;
  /** The keys the instance Secret must hold: what the chart reads from it, in a stable order. */
  secretKeys(spec: InstanceSpec, dataStore: DataStore): string[];
  chartRenders: ChartRenderedObjects;
  /** v0.16 charts: settings-plan operations beyond the generic ones, placed before the relay. */
  settingsPlan?(ctx: RenderContext): SettingsPlanOperation[];
  /** An example spec (before defaults) and the keys its sealed Secret holds. */
  example: {
    spec: Partial<InstanceSpecInput>;
    sealedSecretKeys: string[];
  };
}

/**
 * A module of one of the built-in flavors, whose ids the spec schema accepts.
 *
 * @public
 */
export type BuiltInChartFlavorModule = ChartFlavorModule<ChartFlavorId>;
