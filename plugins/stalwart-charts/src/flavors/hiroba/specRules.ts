import type { FlavorSpecRules } from '../types';

/** The hiroba chart runs on RocksDB (one pod) or PostgreSQL, optionally clustered over NATS. */
export const hirobaSpecRules: FlavorSpecRules = {
  dataStores: ['rocksdb', 'postgresql'],
  requiredStorage: [],
  tlsIssuance: 'cert-manager',
  refuse(spec, report) {
    if (spec.storage.postgresql?.tls) {
      report(
        ['storage', 'postgresql', 'tls'],
        'is not supported for the v0.16 config.json data store',
      );
    }
  },
};
