import {
  scaffoldFullname,
  scaffoldSelectorLabels,
  scaffoldWatchLabels,
} from '../../charts/helmNames';
import type { ChartFlavor, ChartFlavorId } from '../../charts/types';
import { chartPort } from '../../charts/ports';
import { statefulSetObjectNames } from '../../charts/statefulSetNames';

const CHART_NAME = 'antigenic-stalwart-helm-chart';

/**
 * Antigenic-OSS/stalwart-helm-chart: a StatefulSet on Stalwart v0.15 whose init container
 * substitutes `__NODE_ID__` in config.toml with the 0-based pod ordinal
 * (shared/docs/stalwart-v015.md §4; shared/reference/charts/antigenic).
 *
 * @public
 */
export const antigenicChart: ChartFlavor<ChartFlavorId> = {
  id: 'antigenic',
  title: 'Antigenic Stalwart chart (v0.15, PostgreSQL/S3/Meilisearch/Redis)',
  chartName: CHART_NAME,
  chartVersion: '1.0.4',
  source: { type: 'oci', repository: 'oci://ghcr.io/antigenic-oss/charts' },
  generation: 'v0.15',
  image: { repository: 'stalwartlabs/stalwart', tag: 'v0.15.5' },
  referenceDir: 'antigenic',
  hasValuesSchema: true,
  workloadKind: () => 'StatefulSet',
  nodeIds: () => ({
    type: 'pod-ordinal',
    firstOrdinal: 0,
    via: 'init-container-substitution',
  }),
  objectNames(release) {
    const fullname = scaffoldFullname(release, CHART_NAME);
    return statefulSetObjectNames(fullname, {
      // The chart has no separate HTTP Service: 8080 and 443 ride on the mail Service.
      mailService: `${fullname}-mail`,
      config: { kind: 'ConfigMap', key: 'config.toml' },
      // The chart names its Certificate from values; renderValues sets these names.
      certificateMadeBy: 'chart',
    });
  },
  fullnameRule: 'scaffold',
  nameSuffixes: ['', '-headless', '-mail', '-config', '-tls'],
  watchLabels: scaffoldWatchLabels(CHART_NAME),
  podSelector: release => scaffoldSelectorLabels(release, CHART_NAME),
  configChecksumAnnotation: 'checksum/config',
  ports: [
    chartPort('smtp'),
    chartPort('submission'),
    chartPort('submissions'),
    chartPort('imap', { enabledByDefault: false }),
    chartPort('imaps'),
    chartPort('sieve'),
    chartPort('management'),
    chartPort('https'),
  ],
};
