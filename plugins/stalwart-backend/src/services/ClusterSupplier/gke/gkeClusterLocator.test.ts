import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createSimulator, generateFleet } from '@stalwart-backstage/simulator';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  CLIENT_EMAIL,
  googleTokenEndpoint,
  publicKey,
  serviceAccountKey,
} from '../../../__testUtils__/fakeGoogle';
import { stalwartPlugin } from '../../../plugin';
import { mailEntity } from '../../../__fixtures__/mailRelease';
import { capturingScheduler } from '../../../__testUtils__/capturingScheduler';

const GKE_ENDPOINT = '34.118.0.10';
const PROJECT = 'mail-fleet';

/** Whether `bearer` is a JWT the service account key signed itself, as Google accepts. */
function isSelfSignedJwt(bearer: string): boolean {
  const [header, payload, signature] = bearer.split('.');
  if (!signature) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return (
    claims.iss === CLIENT_EMAIL &&
    claims.exp * 1000 > Date.now() &&
    verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      publicKey,
      Buffer.from(signature, 'base64url'),
    )
  );
}

/** The GKE API's cluster list over REST, for the service account's credential only. */
function fakeGke(
  issued: Set<string>,
  clustersByProject: Record<string, object[]>,
  requests: string[],
) {
  return http.get(
    'https://container.googleapis.com/v1/projects/:project/locations/:location/clusters',
    ({ request: req, params }) => {
      requests.push(`${params.project}/${params.location}`);
      const bearer =
        req.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!issued.has(bearer) && !isSelfSignedJwt(bearer)) {
        return HttpResponse.json({ error: { code: 401 } }, { status: 401 });
      }
      return HttpResponse.json({
        clusters: clustersByProject[params.project as string] ?? [],
      });
    },
  );
}

const server = setupServer(
  http.all(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//, () =>
    passthrough(),
  ),
);
registerMswTestHooks(server);

describe('clusters located by GKE (the core gke locator)', () => {
  const issued = new Set<string>();
  const scenario = generateFleet({ instances: 1, clusters: 1 });
  scenario.clusters[0].users = [
    {
      name: CLIENT_EMAIL,
      token: 'not-a-static-token',
      deny: [],
      tokenReview: token => issued.has(token),
    },
  ];
  const simulator = createSimulator({
    scenario,
    baseUrl: `https://${GKE_ENDPOINT}`,
  });
  let dir: string;
  let previousCredentials: string | undefined;
  beforeAll(() => {
    // Application Default Credentials, as on a GKE pod's workload identity or a key file.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gke-adc-'));
    const keyFile = path.join(dir, 'key.json');
    fs.writeFileSync(keyFile, JSON.stringify(serviceAccountKey()));
    previousCredentials = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
  });
  afterAll(() => {
    if (previousCredentials === undefined)
      delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    else process.env.GOOGLE_APPLICATION_CREDENTIALS = previousCredentials;
    fs.rmSync(dir, { recursive: true, force: true });
    simulator.close();
  });

  it('serves live status from a googleServiceAccount GKE cluster matching the labels, and names the ones it cannot use', async () => {
    const gkeRequests: string[] = [];
    const gkeClusters: object[] = [
      {
        name: 'fleet-1',
        endpoint: GKE_ENDPOINT,
        resourceLabels: { team: 'mail' },
      },
      {
        name: 'other-team',
        endpoint: '34.118.0.99',
        resourceLabels: { team: 'web' },
      },
    ];
    server.use(
      googleTokenEndpoint(issued),
      fakeGke(
        issued,
        {
          [PROJECT]: gkeClusters,
          'viewer-project': [{ name: 'viewer-only', endpoint: '34.118.0.50' }],
        },
        gkeRequests,
      ),
      ...simulator.handlers,
    );
    const scheduler = capturingScheduler();
    const backend = await startTestBackend({
      features: [
        stalwartPlugin,
        scheduler.factory,
        catalogServiceMock.factory({
          entities: [
            mailEntity({
              'stalwart.io/release': 'stalwart-0000',
              'stalwart.io/namespace': 'mail-0000',
              'stalwart.io/hostname': 'stalwart-0000.example.com',
              'stalwart.io/clusters': 'fleet-1,other-team,viewer-only',
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'gke',
                  projectId: PROJECT,
                  authProvider: 'googleServiceAccount',
                  matchingResourceLabels: [{ key: 'team', value: 'mail' }],
                },
                // The default authProvider is the viewer's Google token.
                {
                  type: 'gke',
                  projectId: 'viewer-project',
                  region: 'europe-west1',
                },
              ],
            },
            stalwart: {
              status: { initialSyncTimeout: '5s', requestTimeout: '3s' },
            },
          },
        }),
      ],
    });
    try {
      await scheduler.run('stalwart-cluster-locators');
      expect(gkeRequests.sort()).toEqual([
        'mail-fleet/-',
        'viewer-project/europe-west1',
      ]);

      const res = await request(backend.server).get(
        '/api/stalwart/v1/entities/default/component/mail/status',
      );

      expect(res.status).toBe(200);
      const byName = Object.fromEntries(
        res.body.clusters.map((c: any) => [c.cluster, c]),
      );
      expect(byName['fleet-1'].error).toBeUndefined();
      expect(byName['fleet-1']).toMatchObject({
        data: 'live',
        workload: { kind: 'StatefulSet' },
      });
      // Filtered out by matchingResourceLabels: not a located cluster at all.
      expect(byName['other-team']).toMatchObject({
        data: 'unavailable',
        error: {
          message:
            'Cluster "other-team" is not configured in kubernetes.clusterLocatorMethods',
        },
      });
      expect(byName['viewer-only']).toMatchObject({
        data: 'unavailable',
        error: {
          message: expect.stringContaining(
            'authProvider "google" authenticates as each viewer',
          ),
        },
      });
    } finally {
      await backend.stop();
    }
  }, 30_000);
});
