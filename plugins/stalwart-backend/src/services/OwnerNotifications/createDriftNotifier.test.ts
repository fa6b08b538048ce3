import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import {
  DriftBackend,
  startDriftBackend,
} from '../../__testUtils__/startDriftBackend';

// The real plugin on a test backend over the demo scenario: homelab runs v0.15 (release
// "stalwart", a relay route only in the database and a local key edited on pod 1), edge v0.16
// ("mail", registry objects edited live). Both are owned by group:default/guests.
// Each test starts the simulator and a backend, and reads drift over port-forwards.
jest.setTimeout(60_000);

describe('settings drift notifications', () => {
  let backend: DriftBackend;
  const sent: NotificationSendOptions[] = [];
  let runPass: () => Promise<void>;
  const driftNotifications = () =>
    sent.filter(n => n.payload.scope?.endsWith('|settings-drift'));

  async function start(drift: Record<string, unknown>) {
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: jest.fn(async task => {
        if (task.id === 'stalwart-owner-notifications')
          runPass = async () => {
            await task.fn(new AbortController().signal as any);
          };
      }),
    });
    backend = await startDriftBackend({
      stalwart: { notifications: { drift } },
      features: [
        scheduler.factory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (notification: NotificationSendOptions) => {
              sent.push(notification);
            },
          }),
        }),
      ],
    });
  }

  beforeEach(() => {
    sent.length = 0;
  });
  afterEach(async () => {
    await backend?.stop();
  });

  it('tells the owner of each instance once of its drifted settings, linking to the tab, and again only for a setting that changes', async () => {
    await start({ enabled: true });

    await runPass();

    expect(driftNotifications()).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/guests' },
        payload: expect.objectContaining({
          title: expect.stringMatching(
            /^\d+ settings of component:default\/mail-edge drifted from git$/,
          ),
          link: '/catalog/default/component/mail-edge/mail-server',
          scope: 'component:default/mail-edge|edge|settings-drift',
          topic: 'stalwart',
          severity: 'normal',
        }),
      },
      {
        recipients: { type: 'entity', entityRef: 'group:default/guests' },
        payload: expect.objectContaining({
          title: expect.stringMatching(
            /^\d+ settings of component:default\/stalwart drifted from git$/,
          ),
          link: '/catalog/default/component/stalwart/mail-server',
          scope: 'component:default/stalwart|homelab|settings-drift',
        }),
      },
    ]);
    const homelab = driftNotifications()[1].payload.description!;
    expect(homelab).toContain('http.use-x-forwarded (changed-live)');
    expect(homelab).toContain(
      'queue.route.resend.address (database-only-user)',
    );
    // Declared and live values stay out of notifications: they go to every member's inbox.
    expect(homelab).not.toContain('smtp.resend.com');

    sent.length = 0;
    await runPass();
    expect(driftNotifications()).toEqual([]);

    backend.simulator.control.editThroughAdminUi(
      { cluster: 'homelab', namespace: 'stalwart', name: 'stalwart' },
      { settings: { 'queue.route.resend.address': 'smtp.other.example' } },
    );
    await runPass();
    expect(driftNotifications().map(n => n.payload)).toEqual([
      expect.objectContaining({
        title: 'A setting of component:default/stalwart drifted from git',
        description:
          'Cluster homelab: queue.route.resend.address (database-only-user)',
      }),
    ]);
  });

  it('reads at most maxInstancesPerRun instances a pass, going on from the last one read', async () => {
    await start({ enabled: true, maxInstancesPerRun: 1 });
    const told = () =>
      driftNotifications().map(n => n.payload.link?.split('/')[4]);

    await runPass();
    expect(told()).toEqual(['mail-edge']);

    await runPass();
    expect(told()).toEqual(['mail-edge', 'stalwart']);
  });

  it('reads no drift of an instance whose status shows no ready pod', async () => {
    await start({ enabled: true });
    const homelab = backend.simulator.control.cluster('homelab');
    const pods = homelab.store.list(
      homelab.registry.find('', 'v1', 'pods')!,
      'stalwart',
    );
    for (const pod of structuredClone(pods)) {
      pod.status.conditions = pod.status.conditions.map((c: any) =>
        c.type === 'Ready' ? { ...c, status: 'False' } : c,
      );
      backend.simulator.control.apply('homelab', pod);
    }

    await runPass();

    expect(driftNotifications().map(n => n.payload.link)).toEqual([
      '/catalog/default/component/mail-edge/mail-server',
    ]);
  });

  it('reads no drift unless enabled', async () => {
    await start({});

    await runPass();

    expect(driftNotifications()).toEqual([]);
  });
});
