import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IHelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease';
import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';

/** @public */
export type StatefulSetObject = IStatefulSet;
/** @public */
export type DeploymentObject = IDeployment;
/** @public */
export type WorkloadObject = IStatefulSet | IDeployment;
/** @public */
export type PodObject = IPod;
/** @public */
export type ServiceObject = IService;
/** @public */
export type ConfigMapObject = IConfigMap;
/** @public */
export type CertificateObject = ICertificate;
/** @public */
export type HelmReleaseObject = IHelmRelease;
/** @public */
export type ApplicationObject = IApplication;

/**
 * How bad a finding is: `critical` means mail is (or is about to be) broken, `warning` needs an
 * owner's attention, `info` explains a transient state.
 *
 * @public
 */
export type Severity = 'info' | 'warning' | 'critical';

/**
 * One finding behind a verdict. `code` is stable (`certificate.expired`); `message` is for people.
 *
 * @public
 */
export interface StatusReason {
  code: string;
  severity: Severity;
  message: string;
  /** The cluster the finding comes from, set once findings of several clusters are merged. */
  cluster?: string;
}

/** @public */
export type CertificateState =
  | 'ok'
  | 'warning'
  | 'critical'
  | 'expired'
  | 'not-ready'
  | 'missing';

/** @public */
export interface CertificateStatus {
  state: CertificateState;
  name?: string;
  ready?: { status: string; reason?: string; message?: string };
  notAfter?: string;
  renewalTime?: string;
  /** Whole days until `notAfter`; negative once expired. */
  daysLeft?: number;
  issuer?: { name: string; kind?: string; group?: string };
  dnsNames: string[];
  hostname?: string;
  /** Whether `dnsNames` cover `hostname`; `null` when the instance hostname is unknown. */
  coversHostname: boolean | null;
  reasons: StatusReason[];
}

/** @public */
export interface WorkloadStatus {
  kind: 'StatefulSet' | 'Deployment';
  name: string;
  replicas: {
    desired: number;
    ready: number;
    updated: number;
    current: number;
    available: number;
  };
  revisions: { current?: string; update?: string };
  rolloutInProgress: boolean;
  updateStrategy: string;
  /** The data store kind read from the instance config (`rocksdb`, `postgresql`, …). */
  dataStore?: string;
  reasons: StatusReason[];
}

/** @public */
export interface PodStatus {
  name: string;
  /** The StatefulSet ordinal; `null` for Deployment pods. */
  ordinal: number | null;
  /** The Stalwart cluster node id the chart derives for this pod; `null` when not fixed by the chart. */
  nodeId: number | null;
  phase: string;
  ready: boolean;
  restarts: number;
  waitingReason?: string;
  lastTermination?: { reason?: string; exitCode?: number; finishedAt?: string };
  image?: string;
  /** The image tag, which is the Stalwart version for the official images. */
  version?: string;
  node?: string;
  /** When the kubelet started the pod (`status.startTime`), for its age. */
  startedAt?: string;
  /** Whether the pod runs the workload's current config; `null` when the chart gives no checksum. */
  configCurrent: boolean | null;
  /** Whether the pod runs the workload's current revision; `null` when unknown. */
  revisionCurrent: boolean | null;
  reasons: StatusReason[];
}

/** @public */
export interface ServicePortStatus {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol: string;
  nodePort?: number;
}

/** @public */
export interface ExposureStatus {
  service?: {
    name: string;
    type: string;
    externalTrafficPolicy?: string;
    externalAddresses: string[];
    /** When a LoadBalancer has no address yet: since the Service was created. */
    pendingSince?: string;
    ports: ServicePortStatus[];
  };
  /** Listener ports the instance config binds, by listener name. */
  expectedPorts: Array<{ listener: string; port: number }>;
  missingPorts: Array<{ listener: string; port: number }>;
  /** Service ports that target no listener. */
  unboundPorts: ServicePortStatus[];
  proxyProtocol: {
    enabled: boolean;
    annotations: Record<string, string>;
    trustedNetworks: string[];
  };
  reasons: StatusReason[];
}

/** @public */
export type GitOpsStatus =
  | {
      tool: 'flux';
      name: string;
      namespace: string;
      ready: { status: string; reason?: string; message?: string };
      suspended: boolean;
      lastAppliedRevision?: string;
      lastAttemptedRevision?: string;
      failures: number;
      reasons: StatusReason[];
    }
  | {
      tool: 'argocd';
      name: string;
      namespace: string;
      sync: { status: string; revision?: string };
      health: { status: string; message?: string };
      operationPhase?: string;
      reasons: StatusReason[];
    }
  | { tool: 'none'; reasons: StatusReason[] };

/** @public */
export type VerdictState = 'healthy' | 'warning' | 'critical' | 'unknown';

/** @public */
export interface Verdict {
  state: VerdictState;
  reasons: StatusReason[];
}
