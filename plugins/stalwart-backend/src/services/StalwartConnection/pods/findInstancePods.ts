import { PodObject } from '@stalwart-backstage/plugin-stalwart-common';
import {
  ChartFlavor,
  nodeIdForPod,
  StalwartGeneration,
} from '@stalwart-backstage/plugin-stalwart-charts';
import type { KubernetesCacheService } from '../../KubernetesCacheService/types';
import type { InstanceLocation } from '../../InstanceResolver/instanceFromEntity';
import {
  namespaceObjectsOf,
  selectInstanceObjects,
} from '../../StatusService/selectInstanceObjects';
import type { StalwartPod } from '../types';

const MANAGEMENT_PORT_NAMES = ['http', 'mgmt', 'management'];
const DEFAULT_MANAGEMENT_PORT = 8080;

/** `v0.15.5` from `stalwartlabs/stalwart:v0.15.5`; undefined for digests and `latest`. */
export function imageVersion(image: string | undefined): string | undefined {
  const tag = image?.split('@')[0].match(/:([^/:]+)$/)?.[1];
  return tag?.match(/^v?(\d+\.\d+(?:\.\d+)?)/)?.[1];
}

/** The engine a version implies: v0.16 (registry over JMAP) from 0.16 on, else v0.15. */
export function engineForVersion(
  version: string | undefined,
): StalwartGeneration | undefined {
  if (!version) return undefined;
  const [major, minor] = version.split('.').map(Number);
  return major > 0 || minor >= 16 ? 'v0.16' : 'v0.15';
}

function describePod(
  pod: PodObject,
  cluster: string,
  flavor: ChartFlavor | undefined,
  replicas: number,
): StalwartPod {
  const containers = pod.spec?.containers ?? [];
  const container =
    containers.find(c => /stalwart/.test(c.image ?? '')) ?? containers[0];
  const named = container?.ports?.find(p =>
    MANAGEMENT_PORT_NAMES.includes(p.name ?? ''),
  );
  const version = imageVersion(container?.image);
  const name = pod.metadata?.name ?? '';
  return {
    cluster,
    namespace: pod.metadata?.namespace ?? '',
    name,
    uid: pod.metadata?.uid ?? '',
    phase: pod.status?.phase,
    running: pod.status?.phase === 'Running',
    ready: (pod.status?.conditions ?? []).some(
      c => c.type === 'Ready' && c.status === 'True',
    ),
    image: container?.image,
    imageVersion: version,
    engineFromImage: engineForVersion(version),
    managementPort:
      flavor?.ports.find(p => p.kind === 'management')?.containerPort ??
      named?.containerPort ??
      DEFAULT_MANAGEMENT_PORT,
    nodeId: flavor
      ? nodeIdForPod(flavor, name, { replicas }) ?? null
      : undefined,
    configChecksum: flavor?.configChecksumAnnotation
      ? pod.metadata?.annotations?.[flavor.configChecksumAnnotation]
      : undefined,
  };
}

/**
 * The Stalwart pods of an instance in one cluster, from the shared watch cache: the pods its
 * workload selects (the same selection the status view makes). Only these pods can ever be
 * port-forwarded to.
 */
export async function findInstancePods(options: {
  cache: KubernetesCacheService;
  cluster: string;
  instance: InstanceLocation;
}): Promise<{ pods: StalwartPod[]; problem?: string }> {
  const { cache, cluster, instance } = options;
  const read = await cache.read({
    cluster,
    namespace: instance.namespace,
    kinds: ['StatefulSet', 'Deployment', 'Pod'],
  });
  if (read.Pod.state === 'unavailable') {
    return {
      pods: [],
      problem: `The pods of namespace ${
        instance.namespace
      } in cluster ${cluster} could not be listed: ${
        read.Pod.error?.message ?? 'not yet synced'
      }`,
    };
  }
  const selected = selectInstanceObjects({
    objects: namespaceObjectsOf(read),
    release: instance.release,
    namespace: instance.namespace,
    flavor: instance.flavor,
  });
  const replicas = selected.workload?.spec?.replicas ?? 1;
  return {
    pods: selected.pods
      .map(pod => describePod(pod, cluster, instance.flavor, replicas))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
