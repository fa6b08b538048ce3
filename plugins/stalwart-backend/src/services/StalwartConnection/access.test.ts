import { encodeV015ApiKey } from '@stalwart-backstage/simulator';
import { serializeError } from '@backstage/errors';
import {
  ConnectionFixture,
  edgeEntity,
  homelabEntity,
  startConnectionFixture,
} from '../../__testUtils__/startConnectionFixture';
import type { StalwartInstanceConnection } from './types';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';

// Every credential of the demo scenario, raw and as it travels: none may appear in an error.
const SECRETS = [
  'demo-backstage-api-key',
  encodeV015ApiKey('backstage', 'demo-backstage-api-key'),
  'API_AAAAAQAAAAdkZWZnaGlqa2xtbm9wcXJzdHV2dw',
  'demo-postgres-password',
  'demo-recovery-secret',
  Buffer.from('admin:demo-recovery-secret').toString('base64'),
];
const expectNoSecretIn = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

async function firstPodListing(connection: StalwartInstanceConnection) {
  const [pod] = connection.clusters[0].pods;
  if (pod.engine !== 'v0.15') throw new Error(`${pod.pod.name} is not v0.15`);
  return pod.client.listSettings();
}

describe('credentials from Secrets, chosen by config and annotation', () => {
  let fixture: ConnectionFixture;
  beforeAll(async () => {
    fixture = await startConnectionFixture();
  });
  afterAll(() => fixture.stop());
  const homelab = (annotation?: string) =>
    fixture.service.connect({
      instance: resolvedInstanceOf(
        homelabEntity(
          annotation ? { 'stalwart.io/credentials-secret': annotation } : {},
        ),
      ),
    });

  it('reads the default Secret and sends its API key as Bearer (v0.15 `api_…`)', async () => {
    expect((await firstPodListing(await homelab()))['cluster.node-id']).toBe(
      '0',
    );
  });

  it('sends an annotation-named key as Basic: the v0.16 recovery admin', async () => {
    const connection = await fixture.service.connect({
      instance: resolvedInstanceOf(
        edgeEntity({
          'stalwart.io/credentials-secret':
            'basic:mail-stalwart-env/STALWART_RECOVERY_ADMIN',
        }),
      ),
    });
    const [pod] = connection.clusters[0].pods;
    if (pod.engine !== 'v0.16') throw new Error(JSON.stringify(pod));
    expect(
      (await pod.client.get('x:SystemSettings', ['singleton'])).list,
    ).toHaveLength(1);
  });

  it.each([
    ['no-such-secret', 'Secret stalwart/no-such-secret does not exist', 404],
    [
      'backstage-stalwart-api-key/nope',
      'Secret stalwart/backstage-stalwart-api-key has no key "nope"',
      undefined,
    ],
    [
      'Not_A_Name',
      'must be [apiKey:|basic:]<secret-name>[/<key>], got "Not_A_Name"',
      undefined,
    ],
  ])(
    'reports %s as credentials-unavailable, naming the Secret and never a value',
    async (annotation, message, status) => {
      const error = await firstPodListing(await homelab(annotation)).catch(
        e => e,
      );
      expect(error).toMatchObject({
        reason: 'credentials-unavailable',
        upstreamStatus: status,
      });
      expect(error.message).toContain(message);
      expectNoSecretIn(serializeError(error));
    },
  );

  it('reports a wrong credential as credentials-rejected (Stalwart 401), and rereads the Secret once it is fixed', async () => {
    const annotation = 'stalwart-secrets/POSTGRES_PASSWORD';
    const error = await firstPodListing(await homelab(annotation)).catch(
      e => e,
    );
    expect(error).toMatchObject({
      reason: 'credentials-rejected',
      upstreamStatus: 401,
    });
    expectNoSecretIn(serializeError(error));

    const control = fixture.server.control;
    const secret = control
      .cluster('homelab')
      .store.get(
        control.cluster('homelab').registry.find('', 'v1', 'secrets')!,
        'stalwart',
        'stalwart-secrets',
      );
    control.apply('homelab', {
      ...secret,
      data: {
        ...secret.data,
        POSTGRES_PASSWORD: Buffer.from(SECRETS[1]).toString('base64'),
      },
    });
    expect(
      (await firstPodListing(await homelab(annotation)))['cluster.node-id'],
    ).toBe('0');
  });
});

describe('credentials that are not configured, or configured per instance', () => {
  let fixture: ConnectionFixture;
  beforeAll(async () => {
    fixture = await startConnectionFixture({
      credentials: {
        instances: [
          {
            namespace: 'stalwart',
            release: 'stalwart',
            secretName: 'stalwart-secrets',
            key: 'ADMIN_SECRET',
          },
        ],
      },
    });
  });
  afterAll(() => fixture.stop());

  it("prefers the operator's per-instance entry to the entity annotation", async () => {
    const connection = await fixture.service.connect({
      instance: resolvedInstanceOf(
        homelabEntity({
          'stalwart.io/credentials-secret': 'backstage-stalwart-api-key',
        }),
      ),
    });
    // ADMIN_SECRET sent as an API key is not a valid credential: proof the entry was used.
    await expect(firstPodListing(connection)).rejects.toMatchObject({
      reason: 'credentials-rejected',
    });
  });

  it('says how to configure credentials when there are none for an instance', async () => {
    const [pod] = (
      await fixture.service.connect({
        instance: resolvedInstanceOf(edgeEntity()),
      })
    ).clusters[0].pods;
    expect(pod).toMatchObject({ error: { reason: 'credentials-unavailable' } });
    expect('error' in pod && pod.error.message).toContain(
      'No Stalwart credentials are configured for release mail/mail',
    );
  });
});

describe('a service account without pods/portforward or Secret access', () => {
  let fixture: ConnectionFixture;
  beforeAll(async () => {
    fixture = await startConnectionFixture({
      editScenario: scenario => {
        scenario.clusters[0].users.push({
          name: 'system:serviceaccount:backstage:no-secrets',
          token: 'no-secrets-token',
          deny: ['secrets'],
        });
        scenario.clusters[1].users.push({
          name: 'system:serviceaccount:backstage:no-port-forward',
          token: 'no-port-forward-token',
          deny: ['pods/portforward'],
        });
      },
      tokens: { homelab: 'no-secrets-token', edge: 'no-port-forward-token' },
    });
  });
  afterAll(() => fixture.stop());

  it("reports the API server's RBAC refusal of pods/portforward as port-forward-forbidden", async () => {
    const connection = await fixture.service.connect({
      instance: resolvedInstanceOf(edgeEntity()),
    });
    for (const pod of connection.clusters[0].pods) {
      expect(pod.engine).toBeUndefined();
      expect(pod).toMatchObject({
        error: {
          reason: 'port-forward-forbidden',
          upstreamStatus: 403,
          statusCode: 502,
        },
      });
      expect('error' in pod && pod.error.message).toContain(
        'User "system:serviceaccount:backstage:no-port-forward" cannot get resource "pods/portforward"',
      );
    }
  });

  it('reports a Secret the backend may not read as credentials-unavailable (403)', async () => {
    const error = await firstPodListing(
      await fixture.service.connect({
        instance: resolvedInstanceOf(homelabEntity()),
      }),
    ).catch(e => e);
    expect(error).toMatchObject({
      reason: 'credentials-unavailable',
      upstreamStatus: 403,
    });
    expect(error.message).toContain(
      'The backend may not read Secret stalwart/backstage-stalwart-api-key',
    );
  });
});
