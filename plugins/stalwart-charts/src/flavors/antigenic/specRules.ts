import type { FlavorSpecRules } from '../types';

/** The antigenic chart keeps data in PostgreSQL, blobs in S3 and its index in Meilisearch. */
export const antigenicSpecRules: FlavorSpecRules = {
  dataStores: ['postgresql'],
  requiredStorage: ['s3', 'meilisearch'],
  tlsIssuance: 'cert-manager',
  refuse(spec, report) {
    if (spec.cluster.nats) {
      report(['cluster', 'nats'], 'is not supported by the antigenic chart');
    }
    const { mode, annotations } = spec.http;
    const annotated = Object.keys(annotations).length > 0;
    if (mode === 'gateway' && annotated)
      report(
        ['http', 'annotations'],
        "is not supported by the antigenic chart's HTTPRoute, which takes no annotations",
      );
  },
};
