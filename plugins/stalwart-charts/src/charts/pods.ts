import type { ChartFlavor, ChartTopology } from './types';

/**
 * The names of the pods a StatefulSet flavor runs, in ordinal order; empty for a Deployment,
 * whose pod names are random.
 *
 * @public
 */
export function expectedPodNames(
  flavor: ChartFlavor,
  release: string,
  topology: ChartTopology,
): string[] {
  if (flavor.workloadKind(topology) !== 'StatefulSet') return [];
  const scheme = flavor.nodeIds(topology);
  const first = scheme.type === 'fixed' ? 0 : scheme.firstOrdinal;
  const { workload } = flavor.objectNames(release, topology);
  return Array.from(
    { length: topology.replicas },
    (_, i) => `${workload}-${first + i}`,
  );
}

/**
 * The Stalwart cluster node id a pod runs with, when the chart fixes it; `undefined` when v0.16
 * leases it from the data store (ask the server) or the pod name carries no ordinal.
 *
 * @public
 */
export function nodeIdForPod(
  flavor: ChartFlavor,
  podName: string,
  topology: ChartTopology,
): number | undefined {
  const scheme = flavor.nodeIds(topology);
  if (scheme.type === 'fixed') return scheme.nodeId;
  if (scheme.type === 'hostname-lease') return undefined;
  const ordinal = /-(\d+)$/.exec(podName)?.[1];
  return ordinal === undefined ? undefined : Number(ordinal);
}
