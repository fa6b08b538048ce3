import type {
  PodObject,
  PodStatus,
  StatusReason,
  WorkloadObject,
} from '@stalwart-backstage/plugin-stalwart-common';

const STALWART_CONTAINER = 'stalwart';
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
const TROUBLE_WAITING_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
  'CreateContainerError',
  'InvalidImageName',
]);

/**
 * Per-pod facts of the instance's workload and the findings across its pods.
 *
 * @public
 */
export function evaluatePods(options: {
  pods: PodObject[];
  workload?: WorkloadObject;
  /**
   * The node id the chart gives a pod; by default the StatefulSet ordinal, which is what every
   * v0.15 chart uses (their first ordinal differs, not the rule).
   */
  nodeIdOf?: (pod: { name: string; ordinal: number | null }) => number | null;
  /** The pod template annotation that changes with the rendered config. */
  configChecksumAnnotation?: string;
}): { pods: PodStatus[]; reasons: StatusReason[] } {
  const { workload, configChecksumAnnotation } = options;
  const nodeIdOf = options.nodeIdOf ?? (({ ordinal }) => ordinal);
  const templateChecksum = configChecksumAnnotation
    ? workload?.spec?.template?.metadata?.annotations?.[
        configChecksumAnnotation
      ]
    : undefined;
  const updateRevision =
    workload?.kind === 'StatefulSet'
      ? workload.status?.updateRevision
      : undefined;

  const pods = options.pods
    .map(pod => {
      const name = pod.metadata?.name ?? '';
      const ordinal = ordinalOf(pod, workload);
      const podChecksum = configChecksumAnnotation
        ? pod.metadata?.annotations?.[configChecksumAnnotation]
        : undefined;
      const podRevision = pod.metadata?.labels?.['controller-revision-hash'];
      const facts = containerFacts(pod);
      const status: PodStatus = {
        name,
        ordinal,
        nodeId: nodeIdOf({ name, ordinal }),
        phase: pod.status?.phase ?? 'Unknown',
        ready:
          pod.status?.conditions?.some(
            c => c.type === 'Ready' && c.status === 'True',
          ) ?? false,
        ...facts,
        node: pod.spec?.nodeName,
        startedAt: pod.status?.startTime,
        configCurrent:
          templateChecksum && podChecksum
            ? templateChecksum === podChecksum
            : null,
        revisionCurrent:
          updateRevision && podRevision ? updateRevision === podRevision : null,
        reasons: [],
      };
      status.reasons = podReasons(status, pod);
      return status;
    })
    .sort(
      (a, b) =>
        (a.ordinal ?? Infinity) - (b.ordinal ?? Infinity) ||
        a.name.localeCompare(b.name),
    );

  return {
    pods,
    reasons: [...setReasons(pods), ...pods.flatMap(p => p.reasons)],
  };
}

function ordinalOf(pod: PodObject, workload?: WorkloadObject): number | null {
  if (workload?.kind !== 'StatefulSet') return null;
  const index =
    pod.metadata?.labels?.[POD_INDEX_LABEL] ??
    /-(\d+)$/.exec(pod.metadata?.name ?? '')?.[1];
  return index === undefined ? null : Number(index);
}

function containerFacts(pod: PodObject) {
  const spec =
    pod.spec?.containers.find(c => c.name === STALWART_CONTAINER) ??
    pod.spec?.containers[0];
  const state = pod.status?.containerStatuses?.find(c => c.name === spec?.name);
  const image = spec?.image ?? state?.image;
  const terminated = state?.lastState?.terminated;
  return {
    restarts: state?.restartCount ?? 0,
    waitingReason: state?.state?.waiting?.reason,
    lastTermination: terminated
      ? {
          reason: terminated.reason,
          exitCode: terminated.exitCode,
          finishedAt: terminated.finishedAt,
        }
      : undefined,
    image,
    version: image ? imageTag(image) : undefined,
  };
}

/** The tag of `registry/repo:tag@digest`; a port in the registry host is not a tag. */
function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : withoutDigest.slice(colon + 1);
}

function podReasons(status: PodStatus, pod: PodObject): StatusReason[] {
  const reasons: StatusReason[] = [];
  if (
    status.waitingReason &&
    TROUBLE_WAITING_REASONS.has(status.waitingReason)
  ) {
    reasons.push({
      code: 'pod.waiting',
      severity: 'warning',
      message: `Pod ${status.name} is waiting: ${status.waitingReason}${
        status.lastTermination?.reason
          ? ` (last exit: ${status.lastTermination.reason})`
          : ''
      }`,
    });
  }
  const unschedulable = pod.status?.conditions?.find(
    c => c.type === 'PodScheduled' && c.reason === 'Unschedulable',
  );
  if (status.phase === 'Pending' && unschedulable) {
    reasons.push({
      code: 'pod.unschedulable',
      severity: 'warning',
      message: `Pod ${status.name} cannot be scheduled: ${
        unschedulable.message ?? ''
      }`,
    });
  }
  if (status.lastTermination?.reason === 'OOMKilled') {
    reasons.push({
      code: 'pod.oom-killed',
      severity: 'warning',
      message: `Pod ${status.name} was last killed for exceeding its memory limit (${status.restarts} restarts)`,
    });
  }
  if (status.configCurrent === false) {
    reasons.push({
      code: 'pod.config-stale',
      severity: 'warning',
      message: `Pod ${status.name} runs an older config than the workload template; it picks up the new one when restarted`,
    });
  }
  return reasons;
}

function setReasons(pods: PodStatus[]): StatusReason[] {
  const reasons: StatusReason[] = [];
  const versions = [...new Set(pods.map(p => p.version).filter(Boolean))];
  if (versions.length > 1) {
    reasons.push({
      code: 'pods.mixed-versions',
      severity: 'info',
      message: `Pods run different Stalwart versions: ${versions.join(', ')}`,
    });
  }
  const byNodeId = new Map<number, string[]>();
  for (const pod of pods) {
    if (pod.nodeId === null) continue;
    byNodeId.set(pod.nodeId, [...(byNodeId.get(pod.nodeId) ?? []), pod.name]);
  }
  for (const [nodeId, names] of byNodeId) {
    if (names.length > 1) {
      // Node ids seed Stalwart's snowflake ids, so two nodes with one id mint colliding ids.
      reasons.push({
        code: 'pods.duplicate-node-id',
        severity: 'critical',
        message: `Pods ${names.join(', ')} share Stalwart node id ${nodeId}`,
      });
    }
  }
  return reasons;
}
