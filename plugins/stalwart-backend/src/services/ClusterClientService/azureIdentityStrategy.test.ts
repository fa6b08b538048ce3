import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createSimulator } from '@stalwart-backstage/simulator';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fleetAdmittingOnly } from '../../__testUtils__/authProviderTestKit';
import { createClusterClientService } from './createClusterClientService';
import { sharedAuthStrategies } from './sharedAuthStrategies';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = 'c0ffee00-0000-4000-8000-000000000001';
const AUTHORITY = 'https://login.microsoftonline.com';
/** The AKS server application every AKS cluster accepts Entra ID tokens for. */
const AKS_SCOPE = '6dae42f8-4368-4678-94ff-3960e28e3630/.default';
const FEDERATED_TOKEN = `projected-service-account-token-${randomUUID()}`;

/** Entra ID's discovery and token endpoints, trading the federated token for an AKS token. */
function entraId(issued: Set<string>) {
  const tenantUrl = `${AUTHORITY}/${TENANT}`;
  return [
    http.get(`${AUTHORITY}/common/discovery/instance`, () =>
      HttpResponse.json({
        tenant_discovery_endpoint: `${tenantUrl}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: ['login.microsoftonline.com', 'login.windows.net'],
          },
        ],
      }),
    ),
    http.get(`${tenantUrl}/v2.0/.well-known/openid-configuration`, () =>
      HttpResponse.json({
        token_endpoint: `${tenantUrl}/oauth2/v2.0/token`,
        authorization_endpoint: `${tenantUrl}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${tenantUrl}/oauth2/v2.0/logout`,
        issuer: `${AUTHORITY}/${TENANT}/v2.0`,
      }),
    ),
    http.post(`${tenantUrl}/oauth2/v2.0/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== CLIENT_ID ||
        form.get('client_assertion') !== FEDERATED_TOKEN ||
        form.get('scope') !== AKS_SCOPE
      ) {
        return HttpResponse.json(
          { error: 'invalid_client', error_description: 'AADSTS700211' },
          { status: 400 },
        );
      }
      const accessToken = `eyJ.aks.${randomUUID()}`;
      issued.add(accessToken);
      return HttpResponse.json({
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: accessToken,
      });
    }),
  ];
}

const server = setupServer();
registerMswTestHooks(server);

describe("an AKS cluster through the core plugin's AzureIdentityStrategy (workload identity)", () => {
  const issued = new Set<string>();
  const scenario = fleetAdmittingOnly({
    name: CLIENT_ID,
    tokenReview: token => issued.has(token),
  });
  const simulator = createSimulator({
    scenario,
    baseUrl: 'https://aks.simulator.test',
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-identity-'));
  const saved = { ...process.env };

  beforeAll(() => {
    // What the AKS workload identity webhook puts into the backend's pod.
    fs.writeFileSync(path.join(dir, 'token'), FEDERATED_TOKEN);
    Object.assign(process.env, {
      AZURE_FEDERATED_TOKEN_FILE: path.join(dir, 'token'),
      AZURE_CLIENT_ID: CLIENT_ID,
      AZURE_TENANT_ID: TENANT,
      AZURE_AUTHORITY_HOST: `${AUTHORITY}/`,
    });
  });
  afterAll(() => {
    process.env = saved;
    simulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads with the Entra ID token issued for the federated workload token, fetched once and reused', async () => {
    server.use(...entraId(issued), ...simulator.handlers);
    const client = createClusterClientService({
      clusters: [
        {
          name: 'aks',
          url: simulator.clusters[0].url,
          skipTLSVerify: false,
          authStrategy: {
            provider: 'azure',
            authMetadata: { 'kubernetes.io/auth-provider': 'azure' },
          },
        },
      ],
      authStrategies: sharedAuthStrategies({
        config: new ConfigReader({}),
        logger: mockServices.logger.mock(),
      }),
    }).client('aks', {
      requestTimeoutMs: 10_000,
      maxRetries: 0,
      maxBackoffMs: 0,
    });

    await expect(
      client.get('/api/v1/namespaces/mail-0000'),
    ).resolves.toMatchObject({ kind: 'Namespace' });
    await expect(
      client.list('/api/v1/namespaces/mail-0000/services'),
    ).resolves.toMatchObject({ kind: 'ServiceList' });
    expect(issued.size).toBe(1);
  });
});
