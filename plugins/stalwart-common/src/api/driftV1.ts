/**
 * The drift API: what git declares compared with what Stalwart actually runs, per setting.
 * Values that could hold a secret never appear here (see `masked`); plain-words
 * explanations for each class and each explanation id live in `drift/explanations.ts`.
 */

/**
 * The engine that produced a drift report, from the running Stalwart version:
 * `v0.15` compares config.toml with `/api/settings` (v0.11–v0.15), `v0.16` compares the
 * settings plan with the JMAP registry.
 *
 * @public
 */
export type DriftEngine = 'v0.15' | 'v0.16';

/**
 * Where a setting stands, in the display order of {@link DRIFT_CLASSES}.
 *
 * @public
 */
export type DriftClass =
  | 'in-sync'
  | 'changed-live'
  | 'database-only-user'
  | 'database-only-server'
  | 'missing-live';

/**
 * Every drift class, most urgent first; `in-sync` last.
 *
 * @public
 */
export const DRIFT_CLASSES: readonly DriftClass[] = [
  'changed-live',
  'missing-live',
  'database-only-user',
  'database-only-server',
  'in-sync',
];

/**
 * Why one item is in its class; the UI shows `DRIFT_EXPLANATIONS[id]`.
 *
 * @public
 */
export type DriftExplanationId =
  | 'matches-git'
  | 'secret-not-comparable'
  | 'pod-on-old-config'
  | 'local-key-edited-live'
  | 'pod-file-differs'
  | 'edited-in-registry'
  | 'database-only'
  | 'server-managed'
  | 'not-served'
  | 'not-in-registry';

/**
 * A pod an item applies to.
 *
 * @public
 */
export interface DriftPodRefV1 {
  name: string;
  /** The Stalwart cluster node id, when the chart fixes it (v0.16 leases ids by hostname). */
  nodeId?: number;
}

/**
 * A v0.16 registry object (and field) an item is about.
 *
 * @public
 */
export interface DriftObjectRefV1 {
  /** The registry type, e.g. `x:NetworkListener`. */
  type: string;
  /** The live id (`singleton` for singletons); absent when the object is missing live. */
  id?: string;
  /** The schema's natural key (`labelProperty` / the plan's `matchOn`) value, e.g. `smtp`. */
  naturalKey?: string;
  /** The field, as a JSON pointer below the object (`bind`, `services/imap/cleartext`); absent for a whole object. */
  field?: string;
}

/**
 * One drifted (or in-sync) setting.
 *
 * @public
 */
export interface DriftItemV1 {
  /** Stable within a report: the remediation planner and the UI refer to items by it. */
  id: string;
  /** v0.15: the flattened key as config.toml spells it (`queue.route.resend.address`). */
  key?: string;
  /** v0.16: the object (and field). */
  object?: DriftObjectRefV1;
  /** Items that are reset together (a route, a listener, an object). */
  group: string;
  class: DriftClass;
  explanation: DriftExplanationId;
  /**
   * The declared value as text (v0.16: canonical JSON). Absent when git declares nothing or
   * when `masked`. `%{env:…}%` / `%{file:…}%` and `EnvironmentVariable` / `File` references
   * are shown, since they name where a secret lives, not the secret.
   */
  declared?: string;
  /** The live value, same rules as `declared`. */
  live?: string;
  /** True when a value was withheld because it is, or may be, a secret; compared by digest. */
  masked: boolean;
  /** The pods where this item's state was seen (empty: instance-wide, e.g. the v0.16 registry). */
  pods: DriftPodRefV1[];
  /** The remediations that apply to this item. */
  remediations: DriftRemediationAction[];
}

/**
 * A pod as the drift read saw it.
 *
 * @public
 */
export interface DriftPodV1 extends DriftPodRefV1 {
  /** The pod's config checksum annotation, when the chart sets one. */
  configChecksum?: string;
  /**
   * True when the pod started on an older config than the workload's current one; absent
   * when it cannot be told (the chart sets no checksum annotation).
   */
  staleConfig?: boolean;
  /** False when its settings could not be read (see `errors`). */
  read: boolean;
}

/**
 * A read that failed; the report covers the rest.
 *
 * @public
 */
export interface DriftReadErrorV1 {
  /** Absent for instance-wide reads (the ConfigMap, the registry). */
  pod?: string;
  /** What was being read: `settings`, `configmap`, `registry:x:NetworkListener`, … */
  source: string;
  /** The HTTP status Stalwart or Kubernetes answered, when it answered. */
  statusCode?: number;
  /**
   * Why, as a stable code the UI can explain: the backend's `StalwartApiError` reasons
   * (`credentials-rejected`, `permission-missing`, `rate-limited`, `server-error`,
   * `malformed-response`, `timeout`, `pod-unreachable`, …), or `declared-state-unavailable`.
   */
  reason?: string;
  /**
   * `info` for a part the report leaves out by design (a chart keeping its config in a Secret,
   * which the backend does not read) while the rest is compared; absent means `warning`.
   */
  severity?: 'info' | 'warning';
  message: string;
}

/**
 * `GET /v1/entities/:namespace/:kind/:name/drift`.
 *
 * @public
 */
export interface InstanceDriftResponseV1 {
  apiVersion: 'v1';
  entityRef: string;
  engine: DriftEngine;
  cluster: string;
  instance: {
    release: string;
    namespace: string;
    chart?: string;
    version?: string;
  };
  /** Items per class over the whole report, hidden classes included. */
  counts: Record<DriftClass, number>;
  /** Classes whose items are left out of `items` (by default `database-only-server`). */
  hiddenClasses: DriftClass[];
  items: DriftItemV1[];
  pods: DriftPodV1[];
  errors: DriftReadErrorV1[];
  fetchedAt: string;
}

/**
 * What an operator can ask for on a drifted item or group.
 *
 * @public
 */
export type DriftRemediationAction = 'reset-to-git' | 'restart-stale-pods';

/**
 * One call the backend makes to carry out a plan, shown verbatim in the dry-run preview.
 *
 * @public
 */
export type RemediationCallV1 =
  | {
      /** A Stalwart v0.15 management REST call. */
      target: 'stalwart-rest';
      method: 'GET' | 'DELETE' | 'POST';
      /** Path and query, e.g. `/api/settings/queue.route.resend.address`. */
      path: string;
      /** The pod to send it to; absent: any pod (the settings database is shared). */
      pod?: string;
      body?: unknown;
      description: string;
    }
  | {
      /** A Stalwart v0.16 JMAP method call. */
      target: 'stalwart-jmap';
      /** e.g. `x:NetworkListener/set`, `x:Action/set`. */
      method: string;
      arguments: Record<string, unknown>;
      description: string;
    }
  | {
      /** A Kubernetes API call, e.g. the rollout restart of the StatefulSet. */
      target: 'kubernetes';
      method: 'PATCH' | 'DELETE';
      path: string;
      contentType?: string;
      body?: unknown;
      description: string;
    };

/**
 * A remediation, as planned before anything runs: the dry-run preview and what the backend executes.
 *
 * @public
 */
export interface RemediationPlanV1 {
  action: DriftRemediationAction;
  engine: DriftEngine;
  /** The items the plan resolves. */
  itemIds: string[];
  calls: RemediationCallV1[];
  /** True when the fix only takes effect after the pods restart (the plan then includes the restart). */
  restartRequired: boolean;
  /** Pods the plan restarts or deletes. */
  pods: string[];
  /** Items asked for that this plan cannot fix, with why, for the preview. */
  skipped: Array<{ itemId: string; reason: string }>;
}

/**
 * What one executed call of a plan did, in plan order.
 *
 * @public
 */
export interface RemediationCallResultV1 {
  /** The index of the call in `calls`. */
  index: number;
  outcome: 'done' | 'failed' | 'not-run';
  /** Why it failed (never a settings value). */
  error?: { message: string; reason?: string; statusCode?: number };
}

/**
 * `POST /v1/entities/:namespace/:kind/:name/drift/remediations`: the plan (the dry run is only
 * the plan), and for an executed plan what each call did and a fresh drift read afterwards.
 *
 * @public
 */
export interface RemediationResultV1 extends RemediationPlanV1 {
  dryRun: boolean;
  cluster: string;
  /** Present when the plan was executed. */
  execution?: {
    /** True when every call succeeded; calls stop at the first failure. */
    completed: boolean;
    results: RemediationCallResultV1[];
  };
  /** The drift read again after the calls (executed plans only). */
  recheck?: {
    counts: Record<DriftClass, number>;
    /** The plan's items that are still drifted; after a restart they clear as pods are replaced. */
    remainingItemIds: string[];
    /** True when the plan restarted the workload: its items clear as the pods are replaced. */
    rolloutStarted: boolean;
    errors: DriftReadErrorV1[];
    fetchedAt: string;
  };
}
