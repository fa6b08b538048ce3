import {
  ConnectionFixture,
  homelabEntity,
  startConnectionFixture,
} from '../../__testUtils__/startConnectionFixture';
import type { V015Client } from './clients/V015Client';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';

// Facts: ../shared/docs/stalwart-v015.md; the demo's homelab StalwartServer (simulator
// scenarios/demo/homelab/config.yaml): pod 1 had a local key edited in the admin UI.
const POD = (i: number) => `stalwart-antigenic-stalwart-helm-chart-${i}`;

describe('the homelab v0.15 instance through pods/portforward', () => {
  let fixture: ConnectionFixture;
  let clients: V015Client[];
  beforeAll(async () => {
    fixture = await startConnectionFixture();
    const connection = await fixture.service.connect({
      instance: resolvedInstanceOf(homelabEntity()),
    });
    clients = connection.clusters[0].pods.map(p => {
      if (p.engine !== 'v0.15') throw new Error(`${p.pod.name} is not v0.15`);
      return p.client;
    });
  });
  afterAll(() => fixture.stop());

  it('finds the three pods of the release in its cluster and picks the v0.15 engine from the image tag', async () => {
    const connection = await fixture.service.connect({
      instance: resolvedInstanceOf(homelabEntity()),
    });
    expect(connection).toMatchObject({
      release: 'stalwart',
      namespace: 'stalwart',
    });
    expect(connection.clusters.map(c => [c.cluster, c.error])).toEqual([
      ['homelab', undefined],
    ]);
    expect(
      connection.clusters[0].pods.map(p => [
        p.pod.name,
        p.engine,
        p.pod.imageVersion,
        p.pod.nodeId,
      ]),
    ).toEqual([
      [POD(0), 'v0.15', '0.15.5', 0],
      [POD(1), 'v0.15', '0.15.5', 1],
      [POD(2), 'v0.15', '0.15.5', 2],
    ]);
  });

  it('lists every key per pod: each pod its own node id, and the local key edited on pod 1 only (§2.3, §4)', async () => {
    const settings = await Promise.all(clients.map(c => c.listSettings()));
    expect(settings.map(s => s['cluster.node-id'])).toEqual(['0', '1', '2']);
    expect(settings.map(s => s['http.use-x-forwarded'])).toEqual([
      'false',
      'true',
      'false',
    ]);
  });

  it('serves file and database merged, the file winning, with macros raw and nothing masked (§2.1, §2.6, §2.7)', async () => {
    const settings = await clients[0].listSettings();
    // The database holds mail.old.example.com for this local key; the file wins.
    expect(settings['server.hostname']).toBe('mail.example.com');
    expect(settings['queue.route.resend.address']).toBe('smtp.resend.com');
    expect(settings['queue.route.resend.auth.secret']).toBe(
      're_demo_resend_api_key',
    );
    expect(settings['store.postgresql.password']).toBe(
      '%{env:POSTGRES_PASSWORD}%',
    );
    expect(settings['oauth.key']).toMatch(/^.{64}$/);
  });

  it('reads single keys and omits the ones that do not exist (§1 /api/settings/keys)', async () => {
    expect(
      await clients[1].getKeys([
        'cluster.node-id',
        'queue.route.resend.port',
        'no.such.key',
      ]),
    ).toEqual({ 'cluster.node-id': '1', 'queue.route.resend.port': '465' });
  });

  it('refuses keys that would break the comma-separated query before sending anything', async () => {
    await expect(clients[0].getKeys(['a,b'])).rejects.toMatchObject({
      name: 'InputError',
    });
  });

  it('deletes database keys, then a reload reports no errors and every pod stops serving them (§1, §2.3)', async () => {
    const key = 'server.blocked-ip.198.51.100.7';
    expect(await clients[2].getKeys([key])).toEqual({ [key]: '' });
    await clients[2].deleteKeys([key]);
    expect(await clients[2].reload()).toEqual({ warnings: {}, errors: {} });
    for (const client of clients)
      expect(await client.getKeys([key])).toEqual({});
  });

  it('deletes exactly one key with DELETE /api/settings/<key>, leaving its siblings (§1)', async () => {
    const key = 'queue.route.resend.port';
    await clients[0].deleteKey(key);
    expect(
      await clients[1].getKeys([key, 'queue.route.resend.address']),
    ).toEqual({ 'queue.route.resend.address': 'smtp.resend.com' });
  });
});
