import { readInstanceConfig } from './instanceConfig';
import type { ConfigMapObject } from '@stalwart-backstage/plugin-stalwart-common';
import antigenicConfigMap from './__fixtures__/configmap.json';
import rocksDbConfigMap from './__fixtures__/configmap-rocksdb.json';

describe('readInstanceConfig', () => {
  it('reads listeners, PROXY trust and the data store from a chart-rendered config.toml with placeholders', () => {
    const facts = readInstanceConfig(antigenicConfigMap as ConfigMapObject);

    expect(facts?.dataStore).toBe('postgresql');
    expect(facts?.trustedNetworks).toEqual(['10.0.64.131/32']);
    expect(facts?.listeners).toContainEqual({
      name: 'smtp',
      ports: [25],
      protocol: 'smtp',
    });
    expect(facts?.listeners.map(l => l.ports[0]).sort((a, b) => a - b)).toEqual(
      [25, 443, 465, 587, 993, 4190, 8080],
    );
  });

  it('reads a single-string bind and a RocksDB store from hand-written manifests', () => {
    const facts = readInstanceConfig(rocksDbConfigMap as ConfigMapObject);

    expect(facts).toEqual({
      dataStore: 'rocksdb',
      trustedNetworks: [],
      listeners: [
        { name: 'http', ports: [8080], protocol: 'http' },
        { name: 'imap', ports: [993], protocol: 'imap' },
        { name: 'submission', ports: [587], protocol: 'smtp' },
      ],
    });
  });

  it('collects per-listener trusted networks', () => {
    const facts = readInstanceConfig({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: {
        'config.toml':
          '[server.listener.smtp]\nbind = ["[::]:25"]\nproxy.trusted-networks = ["192.0.2.0/24"]\n',
      },
    });
    expect(facts?.trustedNetworks).toEqual(['192.0.2.0/24']);
  });

  it('reads the data store kind from a v0.16 config.json', () => {
    const facts = readInstanceConfig({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: {
        'config.json': '{"@type":"RocksDb","path":"/var/lib/stalwart"}',
      },
    });
    expect(facts).toEqual({
      listeners: [],
      trustedNetworks: [],
      dataStore: 'rocksdb',
    });
  });

  it('returns undefined for a missing or unparsable config', () => {
    expect(readInstanceConfig(undefined)).toBeUndefined();
    expect(
      readInstanceConfig({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        data: { 'config.toml': '[server\nbroken' },
      }),
    ).toBeUndefined();
  });

  it('answers a ConfigMap read again from what it read, and reads it anew once its data changed in place', () => {
    const configMap: ConfigMapObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: {
        'config.toml': '[storage]\ndata = "db"\n[store.db]\ntype = "rocksdb"\n',
      },
    };
    const first = readInstanceConfig(configMap);
    expect(readInstanceConfig(configMap)).toBe(first);
    expect(first?.dataStore).toBe('rocksdb');

    configMap.data!['config.toml'] = configMap.data!['config.toml'].replace(
      'rocksdb',
      'postgresql',
    );
    expect(readInstanceConfig(configMap)?.dataStore).toBe('postgresql');
  });
});
