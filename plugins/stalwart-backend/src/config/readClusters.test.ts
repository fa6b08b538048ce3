import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readClusters } from './readClusters';

const read = (clusterLocatorMethods: JsonObject[]) =>
  readClusters(new ConfigReader({ kubernetes: { clusterLocatorMethods } }));

describe('readClusters', () => {
  it('hands aws, googleServiceAccount and azure clusters to the core strategies with the auth metadata the core config locator builds', () => {
    const { clusters, unsupportedClusters } = read([
      {
        type: 'config',
        clusters: [
          {
            name: 'eks',
            url: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
            authProvider: 'aws',
            assumeRole: 'arn:aws:iam::123456789012:role/backstage',
            externalId: 'stalwart',
            authMetadata: { 'kubernetes.io/x-k8s-aws-id': 'prod-eks' },
            caData: 'LS0t',
          },
          {
            name: 'gke',
            url: 'https://34.1.2.3',
            authProvider: 'googleServiceAccount',
          },
          {
            name: 'aks',
            url: 'https://aks.hcp.westeurope.azmk8s.io',
            authMetadata: { 'kubernetes.io/auth-provider': 'azure' },
          },
        ],
      },
    ]);

    expect(unsupportedClusters).toEqual([]);
    expect(clusters).toEqual([
      {
        name: 'eks',
        url: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
        caData: 'LS0t',
        skipTLSVerify: false,
        authStrategy: {
          provider: 'aws',
          authMetadata: {
            'kubernetes.io/auth-provider': 'aws',
            'kubernetes.io/aws-assume-role':
              'arn:aws:iam::123456789012:role/backstage',
            'kubernetes.io/aws-external-id': 'stalwart',
            'kubernetes.io/x-k8s-aws-id': 'prod-eks',
          },
        },
      },
      {
        name: 'gke',
        url: 'https://34.1.2.3',
        skipTLSVerify: false,
        authStrategy: {
          provider: 'googleServiceAccount',
          authMetadata: {
            'kubernetes.io/auth-provider': 'googleServiceAccount',
          },
        },
      },
      {
        name: 'aks',
        url: 'https://aks.hcp.westeurope.azmk8s.io',
        skipTLSVerify: false,
        authStrategy: {
          provider: 'azure',
          authMetadata: { 'kubernetes.io/auth-provider': 'azure' },
        },
      },
    ]);
  });

  it('reads the localKubectlProxy locator as the core plugin does: cluster "local" on kubectl proxy\'s port, no credential', () => {
    expect(read([{ type: 'localKubectlProxy' }]).clusters).toEqual([
      { name: 'local', url: 'http://localhost:8001', skipTLSVerify: true },
    ]);
  });

  it('names each viewer-token provider as unsupported for its cluster and keeps the others', () => {
    const { clusters, unsupportedClusters } = read([
      {
        type: 'config',
        clusters: [
          { name: 'sso', url: 'https://sso', authProvider: 'oidc' },
          { name: 'aks-user', url: 'https://aks', authProvider: 'aks' },
          { name: 'lab', url: 'http://lab', authProvider: 'anonymous' },
        ],
      },
    ]);
    expect(clusters.map(c => c.name)).toEqual(['lab']);
    expect(unsupportedClusters).toEqual([
      {
        name: 'sso',
        reason: expect.stringMatching(
          /^authProvider "oidc" authenticates as each viewer.*cluster sso/,
        ),
      },
      {
        name: 'aks-user',
        reason: expect.stringMatching(
          /^authProvider "aks" authenticates as each viewer.*cluster aks-user/,
        ),
      },
    ]);
  });
});
