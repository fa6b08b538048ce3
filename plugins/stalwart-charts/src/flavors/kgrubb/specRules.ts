import { MAIL_PORT_KINDS } from '../../spec/networkSchema';
import type { FlavorSpecRules } from '../types';

/**
 * The kgrubb chart has no envFrom or extra volumes, so a database or relay password could only
 * live in its values: it runs on RocksDB and relays without authentication.
 */
export const kgrubbSpecRules: FlavorSpecRules = {
  dataStores: ['rocksdb'],
  requiredStorage: [],
  tlsIssuance: 'cert-manager',
  refuse(spec, report) {
    if (spec.cluster.nats) {
      report(['cluster', 'nats'], 'is not supported by the kgrubb chart');
    }
    if (spec.relay?.username) {
      report(
        ['relay', 'username'],
        'is not supported by the kgrubb chart, which cannot pass the relay password from a Secret',
      );
    }
    for (const kind of MAIL_PORT_KINDS) {
      if (spec.service.ports[kind] === false) {
        report(
          ['service', 'ports', kind],
          'the kgrubb chart always exposes every mail port',
        );
      }
    }
  },
};
