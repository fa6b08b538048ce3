import type { KubernetesObject } from '@kubernetes/client-node';

/** The kinds the status backend watches. */
export type ResourceKind =
  | 'StatefulSet'
  | 'Deployment'
  | 'Pod'
  | 'Service'
  | 'ConfigMap'
  | 'Certificate'
  | 'HelmRelease'
  | 'Application';

/** Why a collection has no fresh data. */
export interface CollectionError {
  message: string;
  statusCode?: number;
  /** When the failure started; data from before it is kept. */
  since: Date;
}

/** An object that still exists but lost the labels its watch selects on. */
export interface DepartedObject {
  kind: ResourceKind;
  namespace: string;
  name: string;
  /** The selector it no longer matches. */
  selector: string;
}

/** What the cache holds for one kind in one namespace of one cluster. */
export interface CollectionSnapshot {
  /**
   * `live`: listed and watching. `stale`: kept from before `error`. `unavailable`: never
   * listed. `not-installed`: the cluster does not serve this kind (no CRD).
   */
  state: 'live' | 'stale' | 'unavailable' | 'not-installed';
  items: ReadonlyArray<KubernetesObject>;
  error?: CollectionError;
  /** When the collection last listed or (re)connected its watch successfully. */
  syncedAt?: Date;
  /** Objects of the namespace dropped because their labels stopped matching. */
  departed?: DepartedObject[];
}

/** Counters of the requests sent to Kubernetes API servers. */
export interface KubernetesRequestStats {
  lists: number;
  watches: number;
}

/**
 * A shared, watch-based view of the objects the status backend needs. Watches start on first
 * use per cluster and kind (per namespace too with `watchScope: namespace`); reads are served
 * from memory, filtered to the namespace asked for.
 */
export interface KubernetesCacheService {
  read(options: {
    cluster: string;
    namespace: string;
    kinds: ResourceKind[];
  }): Promise<Record<ResourceKind, CollectionSnapshot>>;
  /**
   * Calls `listener` whenever a watched object of a namespace is added, changed or deleted;
   * answers the function that stops it.
   */
  onChange(
    listener: (change: { cluster: string; namespace: string }) => void,
  ): () => void;
  requestStats(): KubernetesRequestStats;
  stop(): Promise<void>;
}
