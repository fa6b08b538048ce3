import type { FlavorSpecRules } from '../types';

const UNSUPPORTED = 'is not supported by the olsontech chart';
const NO_DATA_VOLUME =
  'is not used by the olsontech chart, which keeps no data volume';

/** The olsontech chart runs on FoundationDB and issues its own certificate via acme-dns. */
export const olsontechSpecRules: FlavorSpecRules = {
  dataStores: ['foundationdb'],
  requiredStorage: [],
  tlsIssuance: 'acme-dns',
  refuse(spec, report) {
    if (spec.storage.size) report(['storage', 'size'], NO_DATA_VOLUME);
    if (spec.storage.storageClass)
      report(['storage', 'storageClass'], NO_DATA_VOLUME);
    if (spec.replicas > 1 && !spec.cluster.nats) {
      report(
        ['cluster', 'nats'],
        'is required to cluster the olsontech chart (replicas > 1)',
      );
    }
    if (!spec.image.repository) {
      report(
        ['image', 'repository'],
        'is required: the official image has no FoundationDB support (build Dockerfile.fdb)',
      );
    }
    if (spec.proxy.trustedNetworks.length)
      report(['proxy', 'trustedNetworks'], UNSUPPORTED);
    if (spec.proxy.allowedIps.length)
      report(['proxy', 'allowedIps'], UNSUPPORTED);
    if (spec.metrics.prometheus) report(['metrics', 'prometheus'], UNSUPPORTED);
    // Accepted but never rendered would be worse than refused: a dropped load-balancer
    // annotation can turn an internal Service into a public one.
    if (Object.keys(spec.service.annotations).length > 0) {
      report(
        ['service', 'annotations'],
        `${UNSUPPORTED}, whose Service takes no annotations`,
      );
    }
  },
};
