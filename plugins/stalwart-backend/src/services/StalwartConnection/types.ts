import type { ResolvedInstance } from '../InstanceResolver/types';
import type { StalwartGeneration } from '@stalwart-backstage/plugin-stalwart-charts';
import type { V015Client } from './clients/V015Client';
import type { V016Client, V016Version } from './clients/V016Client';
import type { StalwartApiError } from './errors/StalwartApiError';

/** One Stalwart pod of an instance, as the watch cache sees it. */
export interface StalwartPod {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
  phase?: string;
  running: boolean;
  ready: boolean;
  image?: string;
  /** The version in the image tag (`0.15.5`), if the tag names one. */
  imageVersion?: string;
  /** The engine the image tag implies; undefined for `latest` or a digest. */
  engineFromImage?: StalwartGeneration;
  /** The container port of Stalwart's management HTTP listener. */
  managementPort: number;
  /** The Stalwart node id of this pod for the chart flavor (null: not derivable). */
  nodeId?: number | null;
  /** The pod's config checksum annotation, for charts that set one. */
  configChecksum?: string;
}

/** A pod reached through pods/portforward, with the typed client of its engine. */
export type StalwartPodConnection =
  | { pod: StalwartPod; engine: 'v0.15'; client: V015Client }
  | {
      pod: StalwartPod;
      engine: 'v0.16';
      /** What `/api/schema` confirmed. */
      version: V016Version;
      client: V016Client;
    }
  | { pod: StalwartPod; engine?: undefined; error: StalwartApiError };

/** The pods of an instance in one cluster, or why none can be reached there. */
export interface StalwartClusterConnection {
  cluster: string;
  pods: StalwartPodConnection[];
  error?: StalwartApiError;
}

export interface StalwartInstanceConnection {
  entityRef: string;
  release: string;
  namespace: string;
  clusters: StalwartClusterConnection[];
}

/**
 * Reaches the Stalwart pods of catalog instances for settings reads and remediation. Only
 * pods of instances found in the configured clusters are ever contacted; no URL or host comes
 * from a caller.
 */
export interface StalwartConnectionService {
  /**
   * The entity's pods in every cluster it runs in, each with a client for its engine (v0.15 by
   * image tag; v0.16 by image tag confirmed by `/api/schema`; an unversioned tag is probed).
   * The caller must have resolved the instance (its permission decided); per-pod and
   * per-cluster failures are returned.
   */
  connect(request: {
    instance: ResolvedInstance;
  }): Promise<StalwartInstanceConnection>;
  /** Closes every open port-forward. */
  stop(): Promise<void>;
}
