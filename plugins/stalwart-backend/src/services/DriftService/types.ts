import type { Entity } from '@backstage/catalog-model';
import type { InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type {
  DriftReport,
  WorkloadRef,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { ResolvedInstance } from '../InstanceResolver/types';
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
   * Reads declared and live state of one cluster of an instance the caller was allowed (see
   * `InstanceResolver`) and classifies it. `cluster` picks one of the instance's clusters
   * (default: the first with pods).
   */
  read(options: {
    instance: ResolvedInstance;
    cluster?: string;
  }): Promise<DriftReading>;
  /** The v1 API answer for a reading. */
  toResponse(
    reading: DriftReading,
    options?: { includeHidden?: boolean },
  ): InstanceDriftResponseV1;
}
