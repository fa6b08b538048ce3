import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type {
  DriftReport,
  WorkloadRef,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { StalwartPodConnection } from '../StalwartConnection/types';

/** One drift read of one cluster: the engine's report and what remediation needs besides. */
export interface DriftReading {
  entityRef: string;
  entity: Entity;
  cluster: string;
  instance: InstanceDriftResponseV1['instance'];
  report: DriftReport;
  /** The workload a rollout restart patches; absent when the cache holds none. */
  workload?: WorkloadRef;
  /** The pods as connected for this read, with their clients. */
  pods: StalwartPodConnection[];
  fetchedAt: Date;
}

export interface DriftService {
  /**
   * Reads declared and live state of one cluster of an instance entity and classifies it. The
   * entity is looked up as the caller (`credentials`); the caller's permission on it must have
   * been checked. `cluster` picks one of the entity's clusters (default: the first with pods).
   */
  read(options: {
    entityRef: string;
    credentials: BackstageCredentials;
    cluster?: string;
  }): Promise<DriftReading>;
  /** The v1 API answer for a reading. */
  toResponse(
    reading: DriftReading,
    options?: { includeHidden?: boolean },
  ): InstanceDriftResponseV1;
}
