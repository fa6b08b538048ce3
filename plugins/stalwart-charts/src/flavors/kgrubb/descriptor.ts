import {
  scaffoldSelectorLabels,
  scaffoldWatchLabels,
  suffixedFullname,
} from '../../charts/helmNames';
import type { ChartFlavor, ChartFlavorId } from '../../charts/types';
import { chartPort } from '../../charts/ports';
import { statefulSetObjectNames } from '../../charts/statefulSetNames';

const CHART_NAME = 'stalwart';

/**
 * kgrubb/stalwart-helm-chart: a StatefulSet on Stalwart v0.16 with config.json in a ConfigMap,
 * a recovery admin, a bootstrap Job and an optional separate mail LoadBalancer
 * (shared/docs/stalwart-v016.md §3 K; shared/reference/charts/kgrubb). Its fullname always
 * appends the chart name, and its server pods carry `app.kubernetes.io/component: server`.
 *
 * @public
 */
export const kgrubbChart: ChartFlavor<ChartFlavorId> = {
  id: 'kgrubb',
  title: 'kgrubb Stalwart chart (v0.16, config.json, recovery admin)',
  chartName: CHART_NAME,
  chartVersion: '0.7.14',
  source: {
    type: 'helm',
    repository: 'https://kgrubb.github.io/stalwart-helm-chart',
  },
  generation: 'v0.16',
  image: { repository: 'stalwartlabs/stalwart', tag: 'v0.16.18' },
  referenceDir: 'kgrubb',
  hasValuesSchema: true,
  workloadKind: () => 'StatefulSet',
  nodeIds: () => ({ type: 'hostname-lease', firstOrdinal: 0 }),
  objectNames(release) {
    const fullname = suffixedFullname(release, CHART_NAME);
    return statefulSetObjectNames(fullname, {
      // With mailService.enabled the mail ports also get `<fullname>-mail`; the main Service
      // carries them either way.
      mailService: fullname,
      config: { kind: 'ConfigMap', key: 'config.json' },
      certificateMadeBy: 'renderer',
    });
  },
  fullnameRule: 'always-suffixed',
  nameSuffixes: [
    '',
    '-headless',
    '-mail',
    '-config',
    '-env',
    '-bootstrap',
    '-tls-sync',
    '-tls',
  ],
  watchLabels: scaffoldWatchLabels(CHART_NAME),
  podSelector: release => ({
    ...scaffoldSelectorLabels(release, CHART_NAME),
    // The bootstrap Job shares instance but not name; component pins the server pods.
    'app.kubernetes.io/component': 'server',
  }),
  configChecksumAnnotation: 'checksum/config',
  ports: [
    chartPort('smtp'),
    chartPort('submissions'),
    chartPort('submission'),
    chartPort('imap'),
    chartPort('imaps'),
    chartPort('pop3'),
    chartPort('pop3s'),
    chartPort('sieve'),
    chartPort('http'),
    chartPort('https'),
    chartPort('management', { name: 'mgmt' }),
  ],
};
