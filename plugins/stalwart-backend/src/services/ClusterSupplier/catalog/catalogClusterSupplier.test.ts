import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogClusterSupplier } from './catalogClusterSupplier';

const cluster = (
  name: string,
  annotations: Record<string, string>,
  type = 'kubernetes-cluster',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: {
      'kubernetes.io/api-server': 'https://34.118.0.10',
      'kubernetes.io/api-server-certificate-authority': 'LS0tCA==',
      'kubernetes.io/auth-provider': 'aws',
      ...annotations,
    },
  },
  spec: { type, owner: 'group:default/platform' },
});

const supply = (entities: Entity[], locator: object = {}) =>
  catalogClusterSupplier({
    locator: new ConfigReader({ type: 'catalog', ...locator }),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
  }).getClusters();

describe('catalogClusterSupplier', () => {
  it("reads kubernetes-cluster Resources with the core locator's annotations, passing kubernetes.io auth metadata to the strategy", async () => {
    const { clusters, unsupportedClusters } = await supply([
      cluster('eks', {
        'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/backstage',
        'kubernetes.io/aws-external-id': 'stalwart',
        'kubernetes.io/x-k8s-aws-id': 'eks',
        'kubernetes.io/skip-tls-verify': 'true',
        'example.com/owner-note': 'not auth metadata',
      }),
      cluster('a-database', {}, 'database'),
    ]);

    expect(unsupportedClusters).toEqual([]);
    expect(clusters).toEqual([
      {
        name: 'eks',
        url: 'https://34.118.0.10',
        caData: 'LS0tCA==',
        // Only with dangerouslyAllowSkipTLSVerify, as in the core locator.
        skipTLSVerify: false,
        authStrategy: {
          provider: 'aws',
          authMetadata: {
            'kubernetes.io/api-server': 'https://34.118.0.10',
            'kubernetes.io/api-server-certificate-authority': 'LS0tCA==',
            'kubernetes.io/auth-provider': 'aws',
            'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/backstage',
            'kubernetes.io/aws-external-id': 'stalwart',
            'kubernetes.io/x-k8s-aws-id': 'eks',
            'kubernetes.io/skip-tls-verify': 'true',
          },
        },
      },
    ]);
  });

  it('lists each refused entity as unsupported, naming the entity, the annotation and the rule', async () => {
    const { clusters, unsupportedClusters } = await supply([
      cluster('plain', { 'kubernetes.io/api-server': 'http://34.118.0.10' }),
      cluster('private', { 'kubernetes.io/api-server': 'https://10.0.0.1' }),
      cluster('loopback', { 'kubernetes.io/api-server': 'https://localhost' }),
      cluster('creds', {
        'kubernetes.io/api-server': 'https://user:pw@34.118.0.10',
      }),
      cluster('token', { 'kubernetes.io/auth-provider': 'serviceAccount' }),
      cluster('viewer', { 'kubernetes.io/auth-provider': 'oidc' }),
    ]);

    expect(clusters).toEqual([]);
    expect(
      Object.fromEntries(unsupportedClusters.map(c => [c.name, c.reason])),
    ).toEqual({
      plain:
        'catalog entity resource:default/plain has kubernetes.io/api-server "http://34.118.0.10", which must use the HTTPS scheme (or its host be listed in dangerouslyAllowClusterUrls)',
      private:
        'catalog entity resource:default/private has kubernetes.io/api-server "https://10.0.0.1", which must not use a non-public IP address',
      loopback:
        'catalog entity resource:default/loopback has kubernetes.io/api-server "https://localhost", which has host "localhost", which resolves to a non-public address',
      creds:
        'catalog entity resource:default/creds has kubernetes.io/api-server "https://user:pw@34.118.0.10", which must not contain credentials',
      token:
        'catalog entity resource:default/token has kubernetes.io/auth-provider "serviceAccount", which the catalog locator does not support (use aws, googleServiceAccount, azure or anonymous)',
      viewer: expect.stringContaining(
        'authProvider "oidc" authenticates as each viewer',
      ),
    });
  });

  it('allows the hosts and TLS skipping the locator config allows', async () => {
    const { clusters } = await supply(
      [
        cluster('lab', {
          'kubernetes.io/api-server': 'http://k8s.lab.internal:8080/',
          'kubernetes.io/auth-provider': 'anonymous',
        }),
        cluster('edge', { 'kubernetes.io/skip-tls-verify': 'true' }),
      ],
      {
        dangerouslyAllowClusterUrls: ['*.lab.internal'],
        dangerouslyAllowSkipTLSVerify: true,
      },
    );

    expect(clusters).toEqual([
      expect.objectContaining({
        name: 'lab',
        url: 'http://k8s.lab.internal:8080',
        skipTLSVerify: true,
      }),
      expect.objectContaining({ name: 'edge', skipTLSVerify: true }),
    ]);
  });
});
