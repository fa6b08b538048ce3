/**
 * A simulated Stalwart server, as a scenario declares it: a YAML document beside the
 * Kubernetes manifests with `apiVersion: simulator.stalwart-backstage.io/v1alpha1` and
 * `kind: StalwartServer`. Its pods are the cluster's pods that match `podSelector`.
 *
 * @public
 */
export interface StalwartServerSpec {
  /** The Stalwart version the pods run (`v0.15.5`, `v0.16.18`); picks the API generation. */
  version: string;
  /** Labels selecting this server's pods in the document's namespace. */
  podSelector: Record<string, string>;
  /** The container port of the HTTP management listener (default 8080). */
  httpPort?: number;
  /** The pods' environment, for `%{env:…}%` macros (v0.15) and env references (v0.16). */
  env?: Record<string, string>;
  /** Files mounted in the pods, for `%{file:…}%` macros. */
  files?: Record<string, string>;
  /** Insert the keys (v0.15) or objects (v0.16) a fresh server creates at first boot. */
  serverDefaults?: boolean;
  /** Messages waiting in the queue (`/api/queue/messages` total). */
  queuedMessages?: number;
  /** Gauges and counters for `/metrics/prometheus`. */
  metrics?: Record<string, number>;
  /** v0.15: where the pods' config.toml comes from. */
  config?: {
    configMap: { name: string; key: string };
    /** Placeholder → `podOrdinal`, `podOrdinalPlusOne`, or a literal, as the chart's init container substitutes. */
    substitutions?: Record<string, string>;
    /** A read-only mount (subPath ConfigMap): writes to local keys fail with HTTP 500. */
    readOnly?: boolean;
  };
  /** v0.15: keys in the settings database. */
  database?: Record<string, string | number | boolean>;
  /** v0.15: principals besides the fallback admin (API keys, accounts). */
  principals?: Array<{
    name: string;
    type: 'individual' | 'apiKey';
    secret: string;
    /** `admin` grants every permission. */
    roles?: string[];
    /** Kebab-case permissions when not an admin (`settings-list`, …). */
    permissions?: string[];
  }>;
  /** v0.15: per pod, a config it booted with other than the ConfigMap's current one. */
  pods?: Record<
    string,
    {
      bootedWithConfigFile?: string;
      bootedWithConfig?: string;
      /** Local keys changed through the admin UI after boot: they live in this pod's file only. */
      fileEdits?: Record<string, string>;
    }
  >;
  /** v0.16: the recovery admin from `STALWART_RECOVERY_ADMIN` (`user:secret`). */
  recoveryAdmin?: string;
  /** v0.16: API keys (`API_…` bearer tokens) and whether they may write. */
  apiKeys?: Array<{ token: string; description?: string; readOnly?: boolean }>;
  /** v0.16: registry objects by type (`x:SystemSettings`), a singleton as an object, a collection as `{id: object}`. */
  registry?: Record<string, any>;
}

/**
 * The simulator's document kind for a Stalwart server.
 *
 * @public
 */
export interface StalwartServerDocument {
  apiVersion: 'simulator.stalwart-backstage.io/v1alpha1';
  kind: 'StalwartServer';
  metadata: { name: string; namespace: string };
  spec: StalwartServerSpec;
  /** Where the document was read from, for resolving relative file paths. */
  sourceDir?: string;
}

export const SIMULATOR_API_VERSION = 'simulator.stalwart-backstage.io/v1alpha1';

/** Serves one HTTP request to a simulated Stalwart pod. */
export type StalwartHandler = (request: Request, pod: any) => Promise<Response>;
