import {
  nodeIdForPod,
  type ChartFlavor,
  type ChartTopology,
} from '@stalwart-backstage/plugin-stalwart-charts';

/**
 * The Antigenic chart's init container replaces this placeholder in config.toml with the pod
 * ordinal (`${HOSTNAME##*-}`) on every start (stalwart-v015.md §4).
 *
 * @public
 */
export const NODE_ID_PLACEHOLDER = '__NODE_ID__';

/**
 * The text substitutions a chart's init container applies to config.toml for one pod; empty
 * for charts that mount the ConfigMap as is (their node id, if any, is a `%{env:…}%` macro,
 * compared as written).
 *
 * @public
 */
export function podSubstitutionsV015(
  flavor: ChartFlavor,
  podName: string,
  topology: ChartTopology,
): Record<string, string> {
  const scheme = flavor.nodeIds(topology);
  if (
    scheme.type !== 'pod-ordinal' ||
    scheme.via !== 'init-container-substitution'
  )
    return {};
  const nodeId = nodeIdForPod(flavor, podName, topology);
  return nodeId === undefined ? {} : { [NODE_ID_PLACEHOLDER]: String(nodeId) };
}
