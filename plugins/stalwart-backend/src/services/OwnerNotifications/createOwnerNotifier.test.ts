import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { createOwnerNotifier } from './createOwnerNotifier';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail-edge',
    namespace: 'default',
    annotations: { 'stalwart.io/release': 'mail' },
  },
  spec: { owner: 'group:default/guests' },
};

// The parts of a status document the alerts read.
function status(options: {
  daysLeft: number;
  critical?: boolean;
}): InstanceStatusResponseV1 {
  return {
    entityRef: 'component:default/mail-edge',
    verdict: {
      state: options.critical ? 'critical' : 'warning',
      reasons: options.critical
        ? [
            {
              code: 'pods.none-ready',
              severity: 'critical',
              message: 'No pod is ready',
            },
          ]
        : [],
    },
    clusters: [
      {
        cluster: 'edge',
        certificate: {
          state: 'warning',
          name: 'mail-tls',
          notAfter: '2026-12-13T00:00:00Z',
          daysLeft: options.daysLeft,
          dnsNames: [],
          coversHostname: true,
          reasons: [],
        },
        gitops: { tool: 'none', reasons: [] },
      },
    ],
  } as unknown as InstanceStatusResponseV1;
}

describe('createOwnerNotifier', () => {
  const cacheData = new Map<string, unknown>();
  const cache = {
    get: async (key: string) => cacheData.get(key),
    set: async (key: string, value: unknown) => {
      cacheData.set(key, value);
    },
    delete: async (key: string) => {
      cacheData.delete(key);
    },
    withOptions: () => cache,
  };
  let current = status({ daysLeft: 10 });
  const send = jest.fn();
  const notify = createOwnerNotifier({
    auth: mockServices.auth(),
    catalog: catalogServiceMock({ entities: [entity] }),
    cache: cache as any,
    statusService: { getStatus: async () => current },
    notifications: { send },
    logger: mockServices.logger.mock(),
    expiryThresholdDays: [14, 3],
  });
  const titles = () => send.mock.calls.map(([n]) => n.payload.title);

  beforeEach(() => send.mockClear());

  it('tells the owner once that the certificate crossed 14 days, linking to the tab', async () => {
    expect(await notify()).toEqual({ sent: 1, driftRead: 0 });
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/guests' },
      payload: expect.objectContaining({
        title: 'Certificate of component:default/mail-edge expires in 10 days',
        link: '/catalog/default/component/mail-edge/mail-server',
        severity: 'high',
        topic: 'stalwart',
      }),
    });

    expect(await notify()).toEqual({ sent: 0, driftRead: 0 });
  });

  it('tells again, as critical, when it crosses 3 days', async () => {
    current = status({ daysLeft: 2 });
    await notify();
    expect(send.mock.calls.map(([n]) => n.payload.severity)).toEqual([
      'critical',
    ]);
    expect(titles()).toEqual([
      'Certificate of component:default/mail-edge expires in 2 days',
    ]);
  });

  it('tells of a critical instance once, and again only after it recovered and fell back', async () => {
    current = status({ daysLeft: 2, critical: true });
    await notify();
    await notify();
    expect(titles()).toEqual(['component:default/mail-edge is critical']);

    current = status({ daysLeft: 2 });
    await notify();
    current = status({ daysLeft: 2, critical: true });
    await notify();
    expect(titles()).toEqual([
      'component:default/mail-edge is critical',
      'component:default/mail-edge is critical',
    ]);
  });
});
