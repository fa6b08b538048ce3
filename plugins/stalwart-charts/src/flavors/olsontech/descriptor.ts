import {
  scaffoldFullname,
  scaffoldSelectorLabels,
  scaffoldWatchLabels,
} from '../../charts/helmNames';
import type {
  ChartFlavor,
  ChartFlavorId,
  ChartTopology,
} from '../../charts/types';
import { chartPort } from '../../charts/ports';

const CHART_NAME = 'stalwart';

/** The chart switches from a Deployment to a clustered StatefulSet with `clustering.enabled`. */
const isClustered = ({ replicas }: ChartTopology) => replicas > 1;

/**
 * olsontechllc/stalwart-chart: Stalwart v0.14 on FoundationDB. One pod runs as a Deployment
 * with the default node id; clustering (NATS coordinator) turns it into a StatefulSet with
 * `ordinals.start: 1` and `node-id = %{env:STALWART_NODE_ID}%` from the pod-index label
 * (shared/docs/stalwart-v015.md §5; shared/reference/charts/olsontech). The chart is not
 * published as a package, so it is read from its git tag.
 *
 * @public
 */
export const olsontechChart: ChartFlavor<ChartFlavorId> = {
  id: 'olsontech',
  title: 'Olson Tech Stalwart chart (v0.14, FoundationDB + NATS)',
  chartName: CHART_NAME,
  chartVersion: '0.4.0',
  source: {
    type: 'git',
    repository: 'https://github.com/olsontechllc/stalwart-chart',
    path: '.',
    tagFor: version => version,
  },
  generation: 'v0.15',
  image: { repository: 'stalwartlabs/stalwart', tag: 'v0.14.1' },
  referenceDir: 'olsontech',
  hasValuesSchema: false,
  workloadKind: topology =>
    isClustered(topology) ? 'StatefulSet' : 'Deployment',
  nodeIds: topology =>
    isClustered(topology)
      ? { type: 'pod-ordinal', firstOrdinal: 1, via: 'pod-index-label' }
      : // Without [cluster] node-id Stalwart falls back to 1 (crates/common/src/config/network.rs).
        { type: 'fixed', nodeId: 1 },
  objectNames(release, topology) {
    const fullname = scaffoldFullname(release, CHART_NAME);
    return {
      fullname,
      workload: fullname,
      headlessService: isClustered(topology)
        ? `${fullname}-headless`
        : undefined,
      mailService: fullname,
      managementService: { name: fullname, port: 80 },
      config: { kind: 'ConfigMap', name: fullname, key: 'config.toml' },
      // The chart always renders its own ACME DNS-01 Issuer and this Certificate.
      certificate: {
        name: fullname,
        secretName: `${fullname}-tls`,
        madeBy: 'chart',
      },
    };
  },
  fullnameRule: 'scaffold',
  nameSuffixes: [
    '',
    '-headless',
    '-tls',
    '-account-key',
    '-fdb-root-ca',
    '-fdb-root-ca-generator',
    '-openbao-ca',
    '-pki-reader',
  ],
  watchLabels: scaffoldWatchLabels(CHART_NAME),
  podSelector: release => scaffoldSelectorLabels(release, CHART_NAME),
  // The chart sets no checksum annotation: a config change does not roll the pods.
  configChecksumAnnotation: undefined,
  ports: [
    chartPort('management', { port: 80 }),
    chartPort('https'),
    chartPort('smtp'),
    chartPort('submission'),
    chartPort('submissions'),
    chartPort('imap'),
    chartPort('imaps'),
    // configmap.yaml binds POP3 and POP3S whatever the values say; exposing them by default keeps
    // the Service and the listeners in step, and a spec that turns them off is told so by status.
    chartPort('pop3', { beyondChartValues: true }),
    chartPort('pop3s', { beyondChartValues: true }),
    chartPort('sieve'),
  ],
};
