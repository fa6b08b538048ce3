import { evaluateCertificate } from './certificate';
import { evaluateExposure } from './exposure';
import { evaluateGitOps } from './gitops';
import { readInstanceConfig } from './instanceConfig';
import { evaluatePods } from './pods';
import type {
  ApplicationObject,
  CertificateObject,
  CertificateStatus,
  ConfigMapObject,
  ExposureStatus,
  GitOpsStatus,
  HelmReleaseObject,
  PodObject,
  PodStatus,
  ServiceObject,
  StatusReason,
  WorkloadObject,
  WorkloadStatus,
} from '@stalwart-backstage/plugin-stalwart-common';
import { evaluateWorkload } from './workload';

/**
 * The Kubernetes objects of one Stalwart release in one cluster.
 *
 * @public
 */
export interface InstanceObjects {
  workload?: WorkloadObject;
  pods: PodObject[];
  service?: ServiceObject;
  configMap?: ConfigMapObject;
  certificate?: CertificateObject;
  helmRelease?: HelmReleaseObject;
  application?: ApplicationObject;
}

/**
 * Everything known about one Stalwart release in one cluster, with all findings.
 *
 * @public
 */
export interface InstanceSections {
  /** `null` when the cluster runs no workload for the release. */
  workload: WorkloadStatus | null;
  pods: PodStatus[];
  certificate: CertificateStatus;
  exposure: ExposureStatus;
  gitops: GitOpsStatus;
  reasons: StatusReason[];
}

/**
 * Evaluates every status rule on the objects of one release in one cluster.
 *
 * @public
 */
export function evaluateInstance(options: {
  objects: InstanceObjects;
  release: string;
  hostname?: string;
  nodeIdOf?: (pod: { name: string; ordinal: number | null }) => number | null;
  configChecksumAnnotation?: string;
  now: Date;
}): InstanceSections {
  const { objects, release } = options;
  const config = readInstanceConfig(objects.configMap);
  const workload =
    evaluateWorkload({
      workload: objects.workload,
      dataStore: config?.dataStore,
    }) ?? null;
  const pods = evaluatePods({
    pods: objects.pods,
    workload: objects.workload,
    nodeIdOf: options.nodeIdOf,
    configChecksumAnnotation: options.configChecksumAnnotation,
  });
  const certificate = evaluateCertificate({
    certificate: objects.certificate,
    hostname: options.hostname,
    now: options.now,
  });
  const exposure = evaluateExposure({ service: objects.service, config });
  const gitops = evaluateGitOps(objects);

  const missingWorkload: StatusReason[] = workload
    ? []
    : [
        {
          code: 'workload.missing',
          severity: 'critical',
          message: `No StatefulSet or Deployment of release ${release} runs here`,
        },
      ];
  return {
    workload,
    pods: pods.pods,
    certificate,
    exposure,
    gitops,
    reasons: [
      ...missingWorkload,
      ...(workload?.reasons ?? []),
      ...pods.reasons,
      ...certificate.reasons,
      ...exposure.reasons,
      ...gitops.reasons,
    ],
  };
}
