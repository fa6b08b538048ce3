import type {
  CertificateStatus,
  ExposureStatus,
  GitOpsStatus,
  PodStatus,
  Verdict,
  WorkloadStatus,
} from '../status/types';
import type { InstanceLifecycle } from '../status/lifecycle';

/**
 * The status API's version, also its path prefix (`/api/stalwart/v1/...`).
 *
 * @public
 */
export const STATUS_API_VERSION = 'v1';

/**
 * Why a cluster's part of a status is missing or old.
 *
 * @public
 */
export interface ClusterErrorV1 {
  /** The Kubernetes API status code, when the cluster answered. */
  statusCode?: number;
  message: string;
  /** When the failure started. */
  since: string;
}

/**
 * An instance in one cluster.
 *
 * @public
 */
export interface ClusterInstanceStatusV1 {
  cluster: string;
  /** `live` from a healthy watch, `stale` kept from before `error`, `unavailable` never read. */
  data: 'live' | 'stale' | 'unavailable';
  /** Age of stale data, in seconds. */
  dataAgeSeconds?: number;
  error?: ClusterErrorV1;
  /** `null` when the cluster runs no workload for the release or could not be read. */
  workload: WorkloadStatus | null;
  pods: PodStatus[];
  /** Absent when the cluster could not be read. */
  certificate?: CertificateStatus;
  exposure?: ExposureStatus;
  gitops?: GitOpsStatus;
  verdict: Verdict;
}

/**
 * `GET /v1/entities/:namespace/:kind/:name/status`.
 *
 * @public
 */
export interface InstanceStatusResponseV1 {
  apiVersion: typeof STATUS_API_VERSION;
  entityRef: string;
  instance: {
    release: string;
    namespace: string;
    chart?: string;
    hostname?: string;
  };
  /** The overall verdict across clusters. */
  verdict: Verdict;
  /** Where the instance is between its proposal and running pods. */
  lifecycle?: InstanceLifecycle;
  clusters: ClusterInstanceStatusV1[];
  /** The clusters whose data is missing or stale, with why. */
  errors: Array<ClusterErrorV1 & { cluster: string }>;
  fetchedAt: string;
}

/**
 * The most entities one `POST /v1/statuses` may name: a fleet page asks for its instances in
 * batches of this size.
 *
 * @public
 */
export const STATUS_BATCH_MAX_ENTITIES = 100;

/**
 * One entity's answer in a status batch: its status, or why it has none (the error the
 * single-entity route would have answered with).
 *
 * @public
 */
export type InstanceStatusBatchItemV1 =
  | { entityRef: string; status: InstanceStatusResponseV1 }
  | { entityRef: string; error: { name: string; message: string } };

/**
 * `POST /v1/statuses` with `{ entityRefs }`: one answer per entity, in the order asked.
 *
 * @public
 */
export interface InstanceStatusBatchResponseV1 {
  /** One per entity asked for, in the same order. */
  items: InstanceStatusBatchItemV1[];
}
