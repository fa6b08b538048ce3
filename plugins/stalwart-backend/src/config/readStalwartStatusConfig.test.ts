import { ConfigReader } from '@backstage/config';
import { readStalwartStatusConfig } from './readStalwartStatusConfig';

const kubernetes = {
  serviceLocatorMethod: { type: 'multiTenant' },
  clusterLocatorMethods: [
    { type: 'catalog' },
    {
      type: 'config',
      clusters: [
        {
          name: 'prod',
          url: 'https://prod.example.com:6443/',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'token-prod',
          caData: 'LS0tLS1CRUdJTg==',
        },
        {
          name: 'lab',
          url: 'http://127.0.0.1:6443',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'token-lab',
          skipTLSVerify: true,
        },
        { name: 'gke', url: 'https://gke.example.com', authProvider: 'google' },
      ],
    },
  ],
};

describe('readStalwartStatusConfig', () => {
  it('reads the clusters of the core Kubernetes config and applies defaults', () => {
    const config = readStalwartStatusConfig(new ConfigReader({ kubernetes }));

    expect(config).toEqual({
      clusters: [
        {
          name: 'prod',
          url: 'https://prod.example.com:6443',
          serviceAccountToken: 'token-prod',
          caData: 'LS0tLS1CRUdJTg==',
          caFile: undefined,
          skipTLSVerify: false,
        },
        {
          name: 'lab',
          url: 'http://127.0.0.1:6443',
          serviceAccountToken: 'token-lab',
          caData: undefined,
          caFile: undefined,
          skipTLSVerify: true,
        },
      ],
      unsupportedClusters: [
        {
          name: 'gke',
          reason: expect.stringContaining('authProvider "google"'),
        },
      ],
      requestTimeoutMs: 10_000,
      maxRetries: 2,
      maxBackoffMs: 60_000,
      initialSyncTimeoutMs: 5_000,
      idleTimeoutMs: 1_800_000,
      argoCdNamespaces: ['argocd'],
      watchScope: 'cluster',
      accessCacheTtlMs: 10_000,
      accessCacheMaxEntries: 10_000,
    });
  });

  it('reads a serviceAccount cluster without a token as the pod identity: mounted token and CA', () => {
    const config = readStalwartStatusConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'self',
                  url: 'https://kubernetes.default.svc',
                  authProvider: 'serviceAccount',
                },
                { name: 'sso', url: 'https://sso', authProvider: 'oidc' },
              ],
            },
          ],
        },
      }),
    );

    expect(config.clusters).toEqual([
      {
        name: 'self',
        url: 'https://kubernetes.default.svc',
        serviceAccountToken: undefined,
        serviceAccountTokenFile:
          '/var/run/secrets/kubernetes.io/serviceaccount/token',
        caData: undefined,
        caFile: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
        skipTLSVerify: false,
      },
    ]);
    expect(config.unsupportedClusters).toEqual([
      {
        name: 'sso',
        reason:
          'authProvider "oidc" authenticates as each viewer, so it cannot feed the Stalwart status backend\'s shared watch cache (use serviceAccount, aws, googleServiceAccount or azure for cluster sso)',
      },
    ]);
  });

  it('reads the stalwart.status block in both duration notations', () => {
    const config = readStalwartStatusConfig(
      new ConfigReader({
        stalwart: {
          status: {
            requestTimeout: { seconds: 3 },
            initialSyncTimeout: '2s',
            idleTimeout: { minutes: 5 },
            maxBackoff: { seconds: 20 },
            maxRetries: 0,
            argoCdNamespaces: ['argocd', 'team-apps'],
            watchScope: 'namespace',
            accessCacheTtl: { seconds: 30 },
            accessCacheMaxEntries: 500,
          },
        },
      }),
    );

    expect(config).toMatchObject({
      clusters: [],
      requestTimeoutMs: 3_000,
      initialSyncTimeoutMs: 2_000,
      idleTimeoutMs: 300_000,
      maxBackoffMs: 20_000,
      maxRetries: 0,
      argoCdNamespaces: ['argocd', 'team-apps'],
      watchScope: 'namespace',
      accessCacheTtlMs: 30_000,
      accessCacheMaxEntries: 500,
    });
  });

  it('turns the access cache off with a zero time to live and refuses a negative size', () => {
    expect(
      readStalwartStatusConfig(
        new ConfigReader({ stalwart: { status: { accessCacheTtl: '0s' } } }),
      ).accessCacheTtlMs,
    ).toBe(0);
    expect(() =>
      readStalwartStatusConfig(
        new ConfigReader({
          stalwart: { status: { accessCacheMaxEntries: -1 } },
        }),
      ),
    ).toThrow(
      'stalwart.status.accessCacheMaxEntries must be a non-negative integer, got -1',
    );
  });

  it('rejects a watch scope other than cluster or namespace', () => {
    expect(() =>
      readStalwartStatusConfig(
        new ConfigReader({ stalwart: { status: { watchScope: 'Cluster' } } }),
      ),
    ).toThrow(
      'stalwart.status.watchScope must be "cluster" or "namespace", got "Cluster"',
    );
  });

  it('rejects a cluster url that is not http(s), naming the cluster', () => {
    expect(() =>
      readStalwartStatusConfig(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'odd',
                    url: 'ftp://x',
                    authProvider: 'serviceAccount',
                  },
                ],
              },
            ],
          },
        }),
      ),
    ).toThrow('kubernetes cluster "odd" has url "ftp://x"');
  });

  it('rejects two clusters with the same name', () => {
    const cluster = {
      name: 'prod',
      url: 'https://a.example.com',
      authProvider: 'serviceAccount',
    };
    expect(() =>
      readStalwartStatusConfig(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              { type: 'config', clusters: [cluster, cluster] },
            ],
          },
        }),
      ),
    ).toThrow('kubernetes cluster name "prod" is configured twice');
  });
});
