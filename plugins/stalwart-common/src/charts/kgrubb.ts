import { scaffoldSelectorLabels, suffixedFullname } from './helmNames';
import type { ChartFlavor } from './types';

const CHART_NAME = 'stalwart';

/**
 * kgrubb/stalwart-helm-chart: a StatefulSet on Stalwart v0.16 with config.json in a ConfigMap,
 * a recovery admin, a bootstrap Job and an optional separate mail LoadBalancer
 * (shared/docs/stalwart-v016.md §3 K; shared/reference/charts/kgrubb). Its fullname always
 * appends the chart name, and its server pods carry `app.kubernetes.io/component: server`.
 *
 * @public
 */
export const kgrubbChart: ChartFlavor = {
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
    return {
      fullname,
      workload: fullname,
      headlessService: `${fullname}-headless`,
      // With mailService.enabled the mail ports also get `<fullname>-mail`; the main Service
      // carries them either way.
      mailService: fullname,
      managementService: { name: fullname, port: 8080 },
      config: {
        kind: 'ConfigMap',
        name: `${fullname}-config`,
        key: 'config.json',
      },
      certificate: {
        name: `${fullname}-tls`,
        secretName: `${fullname}-tls`,
        madeBy: 'renderer',
      },
    };
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
  podSelector: release => ({
    ...scaffoldSelectorLabels(release, CHART_NAME),
    // The bootstrap Job shares instance but not name; component pins the server pods.
    'app.kubernetes.io/component': 'server',
  }),
  configChecksumAnnotation: 'checksum/config',
  ports: [
    {
      kind: 'smtp',
      name: 'smtp',
      port: 25,
      containerPort: 25,
      implicitTls: false,
      enabledByDefault: true,
    },
    {
      kind: 'submissions',
      name: 'smtps',
      port: 465,
      containerPort: 465,
      implicitTls: true,
      enabledByDefault: true,
    },
    {
      kind: 'submission',
      name: 'submission',
      port: 587,
      containerPort: 587,
      implicitTls: false,
      enabledByDefault: true,
    },
    {
      kind: 'imap',
      name: 'imap',
      port: 143,
      containerPort: 143,
      implicitTls: false,
      enabledByDefault: true,
    },
    {
      kind: 'imaps',
      name: 'imaps',
      port: 993,
      containerPort: 993,
      implicitTls: true,
      enabledByDefault: true,
    },
    {
      kind: 'pop3',
      name: 'pop3',
      port: 110,
      containerPort: 110,
      implicitTls: false,
      enabledByDefault: true,
    },
    {
      kind: 'pop3s',
      name: 'pop3s',
      port: 995,
      containerPort: 995,
      implicitTls: true,
      enabledByDefault: true,
    },
    {
      kind: 'sieve',
      name: 'sieve',
      port: 4190,
      containerPort: 4190,
      implicitTls: false,
      enabledByDefault: true,
    },
    {
      kind: 'http',
      name: 'http',
      port: 80,
      containerPort: 80,
      implicitTls: false,
      enabledByDefault: true,
    },
    {
      kind: 'https',
      name: 'https',
      port: 443,
      containerPort: 443,
      implicitTls: true,
      enabledByDefault: true,
    },
    {
      kind: 'management',
      name: 'mgmt',
      port: 8080,
      containerPort: 8080,
      implicitTls: false,
      enabledByDefault: true,
    },
  ],
};
