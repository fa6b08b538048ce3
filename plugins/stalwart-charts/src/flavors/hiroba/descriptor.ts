import {
  scaffoldFullname,
  scaffoldSelectorLabels,
  scaffoldWatchLabels,
} from '../../charts/helmNames';
import type { ChartFlavor, ChartFlavorId } from '../../charts/types';
import { chartPort } from '../../charts/ports';
import { statefulSetObjectNames } from '../../charts/statefulSetNames';

const CHART_NAME = 'stalwart';

/**
 * 7K-Hiroba/stalwart `helm/base`: a StatefulSet on Stalwart v0.16 with `ordinals.start: 1`,
 * config.json in a Secret and `STALWART_HOSTNAME=$(POD_NAME).<fullname>-headless`, under which
 * v0.16 leases its node id (shared/docs/stalwart-v016.md §3 H; shared/reference/charts/hiroba-base).
 *
 * @public
 */
export const hirobaChart: ChartFlavor<ChartFlavorId> = {
  id: 'hiroba',
  title: '7K Hiroba base chart (v0.16, RocksDB or PostgreSQL)',
  chartName: CHART_NAME,
  chartVersion: '1.1.0',
  source: {
    type: 'oci',
    repository: 'oci://harbor.7kgroup.org/7khiroba/charts',
  },
  generation: 'v0.16',
  // image.tag is empty in values.yaml and falls back to the chart appVersion.
  image: { repository: 'docker.io/stalwartlabs/stalwart', tag: 'v0.16.1' },
  referenceDir: 'hiroba-base',
  hasValuesSchema: true,
  workloadKind: () => 'StatefulSet',
  nodeIds: () => ({ type: 'hostname-lease', firstOrdinal: 1 }),
  objectNames(release) {
    const fullname = scaffoldFullname(release, CHART_NAME);
    return statefulSetObjectNames(fullname, {
      mailService: fullname,
      config: { kind: 'Secret', key: 'config.json' },
      certificateMadeBy: 'renderer',
    });
  },
  fullnameRule: 'scaffold',
  nameSuffixes: ['', '-headless', '-config', '-env', '-tls'],
  watchLabels: scaffoldWatchLabels(CHART_NAME),
  podSelector: release => scaffoldSelectorLabels(release, CHART_NAME),
  configChecksumAnnotation: 'config-hash',
  ports: [
    chartPort('management'),
    chartPort('smtp'),
    chartPort('submission'),
    chartPort('submissions', { name: 'submissions' }),
    chartPort('imap'),
    chartPort('imaps'),
    chartPort('pop3'),
    chartPort('pop3s'),
    chartPort('sieve'),
  ],
};
