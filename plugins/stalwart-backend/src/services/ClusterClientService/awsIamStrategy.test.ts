import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  eksTokenReview,
  SimulatorServer,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import type { ClusterConfig } from '../../config/types';
import {
  annotated,
  fakeTheDateOnly,
  fleetAdmittingOnly,
  NAMESPACE_PATH,
  ONE_TRY,
  withServiceWatch,
} from '../../__testUtils__/authProviderTestKit';
import { eventually } from '../../__testUtils__/cacheServiceTestKit';
import { createClusterClientService } from './createClusterClientService';
import { sharedAuthStrategies } from './sharedAuthStrategies';

const CLUSTER_ID = 'prod-eks';
const LIFETIME_MS = 15 * 60_000;
const IAM_USER = {
  accessKeyId: 'AKIASTALWARTTEST0001',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSTALWARTKEY',
};

describe("an EKS cluster through the core plugin's AwsIamStrategy", () => {
  let simulator: SimulatorServer;
  const reviewed: Array<{ token: string; accepted: boolean }> = [];
  const review = eksTokenReview({
    clusterId: CLUSTER_ID,
    credentials: [IAM_USER],
    lifetimeMs: LIFETIME_MS,
  });

  beforeAll(async () => {
    // Only the EKS token webhook lets anyone in.
    const scenario = fleetAdmittingOnly({
      name: 'arn:aws:iam::123456789012:user/backstage',
      tokenReview: token => {
        const accepted = review(token);
        reviewed.push({ token, accepted });
        return accepted;
      },
    });
    simulator = await startSimulatorServer({ scenario, tls: true });
    // Date moves with real time, and the test can jump it past the token's lifetime.
    fakeTheDateOnly({ advanceTimers: true });
  });
  afterAll(async () => {
    jest.useRealTimers();
    await simulator.close();
  });
  beforeEach(() => {
    reviewed.length = 0;
  });

  const strategies = sharedAuthStrategies({
    config: new ConfigReader({ aws: { mainAccount: IAM_USER } }),
    logger: mockServices.logger.mock(),
  });
  const eks = (clusterId: string): ClusterConfig => ({
    name: 'eks',
    url: simulator.clusters[0].url,
    caData: Buffer.from(simulator.certificate!).toString('base64'),
    skipTLSVerify: false,
    authStrategy: {
      provider: 'aws',
      authMetadata: {
        'kubernetes.io/auth-provider': 'aws',
        'kubernetes.io/x-k8s-aws-id': clusterId,
      },
    },
  });

  it("sends a k8s-aws-v1 token for the cluster id, which the cluster's token review accepts", async () => {
    const client = createClusterClientService({
      clusters: [eks(CLUSTER_ID)],
      authStrategies: strategies,
    }).client('eks', ONE_TRY);

    await expect(client.get(NAMESPACE_PATH)).resolves.toMatchObject({
      kind: 'Namespace',
    });
    expect(reviewed).toEqual([
      {
        token: expect.stringMatching(/^k8s-aws-v1\.[A-Za-z0-9_-]+$/),
        accepted: true,
      },
    ]);
    const presigned = new URL(
      Buffer.from(reviewed[0].token.slice(11), 'base64url').toString(),
    );
    expect(presigned.hostname).toBe('sts.us-east-1.amazonaws.com');
    expect(presigned.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(presigned.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIASTALWARTTEST0001\//,
    );
  });

  it('is refused, as EKS refuses it, when the token was signed for another cluster', async () => {
    const client = createClusterClientService({
      clusters: [eks('other-cluster')],
      authStrategies: strategies,
    }).client('eks', ONE_TRY);

    await expect(client.get(NAMESPACE_PATH)).rejects.toMatchObject({
      statusCode: 401,
    });
  });

  it('reconnects a watch whose token expired with a fresh token, and keeps serving', async () => {
    const cluster = eks(CLUSTER_ID);
    const clusterClients = createClusterClientService({
      clusters: [cluster],
      authStrategies: strategies,
    });
    await withServiceWatch({ cluster, clusterClients }, async readServices => {
      expect((await readServices()).state).toBe('live');
      // The list, then the watch it starts.
      await eventually(() => expect(reviewed).toHaveLength(2));
      const firstToken = reviewed[0].token;

      // Sixteen minutes on, the open watch outlives its token (the apiserver only checks a
      // token when a request starts), then the apiserver closes it, as at a watch timeout.
      jest.setSystemTime(Date.now() + LIFETIME_MS + 60_000);
      expect(review(firstToken)).toBe(false);
      simulator.control.dropWatches('fleet-1');
      const [service] = (await readServices()).items;
      simulator.control.apply(
        'fleet-1',
        annotated(service, { 'example.com/after-expiry': 'seen' }),
      );

      await eventually(async () => {
        const snapshot = await readServices();
        expect(snapshot.state).toBe('live');
        expect(snapshot.items[0].metadata?.annotations).toMatchObject({
          'example.com/after-expiry': 'seen',
        });
      });
      expect(reviewed.filter(r => !r.accepted)).toEqual([]);
      expect(new Set(reviewed.map(r => r.token)).size).toBeGreaterThan(1);
    });
  });
});
