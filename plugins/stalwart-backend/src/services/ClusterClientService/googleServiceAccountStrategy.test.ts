import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createSimulator } from '@stalwart-backstage/simulator';
import { setupServer } from 'msw/node';
import { generateKeyPairSync } from 'node:crypto';
import { fleetAdmittingOnly } from '../../__testUtils__/authProviderTestKit';
import {
  CLIENT_EMAIL,
  googleTokenEndpoint,
  privateKey,
} from '../../__testUtils__/fakeGoogle';
import { createClusterClientService } from './createClusterClientService';
import { sharedAuthStrategies } from './sharedAuthStrategies';

const server = setupServer();
registerMswTestHooks(server);

describe("a GKE cluster through the core plugin's GoogleServiceAccountStrategy", () => {
  const issued = new Set<string>();
  const scenario = fleetAdmittingOnly({
    name: CLIENT_EMAIL,
    tokenReview: token => issued.has(token),
  });
  const simulator = createSimulator({
    scenario,
    baseUrl: 'https://gke.simulator.test',
  });
  afterAll(() => simulator.close());

  const clientFor = (credentials: object) =>
    createClusterClientService({
      clusters: [
        {
          name: 'gke',
          url: simulator.clusters[0].url,
          skipTLSVerify: false,
          authStrategy: {
            provider: 'googleServiceAccount',
            authMetadata: {
              'kubernetes.io/auth-provider': 'googleServiceAccount',
            },
          },
        },
      ],
      authStrategies: sharedAuthStrategies({
        config: new ConfigReader({
          kubernetes: {
            googleServiceAccountCredentials: JSON.stringify(credentials),
          },
        }),
        logger: mockServices.logger.mock(),
      }),
    }).client('gke', {
      requestTimeoutMs: 3_000,
      maxRetries: 0,
      maxBackoffMs: 0,
    });

  it('lists with the access token Google issued for the configured service account key', async () => {
    server.use(googleTokenEndpoint(issued), ...simulator.handlers);
    const client = clientFor({
      type: 'service_account',
      project_id: 'mail-fleet',
      private_key_id: 'key-1',
      private_key: privateKey,
      client_email: CLIENT_EMAIL,
    });

    await expect(
      client.list('/api/v1/namespaces/mail-0000/pods'),
    ).resolves.toMatchObject({ kind: 'PodList' });
    expect(issued.size).toBe(1);
  });

  it('names the cluster and the provider when Google refuses the key', async () => {
    server.use(googleTokenEndpoint(issued), ...simulator.handlers);
    const { privateKey: otherKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const client = clientFor({
      type: 'service_account',
      private_key: otherKey,
      client_email: CLIENT_EMAIL,
    });

    await expect(client.get('/api/v1/namespaces/mail-0000')).rejects.toThrow(
      /could not get a googleServiceAccount credential for cluster gke: .*invalid_grant/,
    );
  });
});
