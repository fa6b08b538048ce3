import { clusterLocatorEntries } from './clusterLocatorEntries';

const clusters = [
  {
    name: 'homelab',
    url: 'https://127.0.0.1:7070/clusters/homelab',
    token: 't1',
  },
];

describe('clusterLocatorEntries', () => {
  it('gives each cluster its URL, token and the base64 certificate to trust', () => {
    expect(clusterLocatorEntries(clusters, 'PEM')).toEqual([
      {
        name: 'homelab',
        url: 'https://127.0.0.1:7070/clusters/homelab',
        authProvider: 'serviceAccount',
        serviceAccountToken: 't1',
        caData: Buffer.from('PEM').toString('base64'),
        skipMetricsLookup: true,
      },
    ]);
  });

  it('leaves out caData for a simulator served over plain HTTP', () => {
    expect(clusterLocatorEntries(clusters)[0]).not.toHaveProperty('caData');
  });
});
