import {
  ConnectionFixture,
  edgeEntity,
  startConnectionFixture,
} from '../../__testUtils__/startConnectionFixture';
import type { V016Client } from './clients/V016Client';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';

// Facts: ../shared/docs/stalwart-v016.md (§1 the JMAP registry API and secrets, §4 the
// /api/schema hash table); the demo's edge StalwartServer (scenarios/demo/edge/stalwart.yaml).
describe('the edge v0.16 instance through pods/portforward', () => {
  let fixture: ConnectionFixture;
  let client: V016Client;
  beforeAll(async () => {
    fixture = await startConnectionFixture();
    const [pod] = (
      await fixture.service.connect({
        instance: resolvedInstanceOf(edgeEntity()),
      })
    ).clusters[0].pods;
    if (pod.engine !== 'v0.16') throw new Error('mail-stalwart-0 is not v0.16');
    client = pod.client;
  });
  afterAll(() => fixture.stop());

  it('picks v0.16 from the image tag and confirms it with the /api/schema hash (§4: 25gn… is 0.16.18)', async () => {
    const connection = await fixture.service.connect({
      instance: resolvedInstanceOf(edgeEntity()),
    });
    const pods = connection.clusters[0].pods;
    expect(pods.map(p => [p.pod.name, p.engine, p.pod.imageVersion])).toEqual([
      ['mail-stalwart-0', 'v0.16', '0.16.18'],
      ['mail-stalwart-1', 'v0.16', '0.16.18'],
    ]);
    const [first] = pods;
    if (first.engine !== 'v0.16') throw new Error('not v0.16');
    expect(first.version.versions).toEqual(['0.16.18']);
    expect(first.version.schemaHash).toMatch(/^25gn[A-Za-z0-9_-]+$/);
  });

  it('gets a singleton with its live values (§1 Get: ids ["singleton"])', async () => {
    const { list, notFound } = await client.get('x:SystemSettings', [
      'singleton',
    ]);
    expect(notFound).toEqual([]);
    expect(list[0]).toMatchObject({
      id: 'singleton',
      defaultHostname: 'mail.edge.example.org',
      maxConnections: 20000,
    });
  });

  it('masks literal secrets as "****" but returns environment references in full (§1 Secrets)', async () => {
    const routes = await client.getAll<{ name: string; authSecret?: unknown }>(
      'x:MtaRoute',
    );
    expect(routes.find(r => r.name === 'resend')?.authSecret).toEqual({
      '@type': 'Value',
      secret: '****',
    });
    const { list } = await client.get('x:DataStore', ['singleton']);
    expect(list[0].authSecret).toEqual({
      '@type': 'EnvironmentVariable',
      variableName: 'POSTGRES_PASSWORD',
    });
    expect(JSON.stringify(routes)).not.toContain('re_demo_edge_resend_key');
  });

  it('pages a collection with query then get, including the listener created in the admin UI', async () => {
    const { ids, total } = await client.query('x:NetworkListener');
    expect(total).toBe(ids.length);
    const listeners = await client.getAll<{ name: string }>(
      'x:NetworkListener',
    );
    expect(listeners.map(l => l.name).sort()).toEqual(
      ['http', 'imap-cleartext', 'imaps', 'smtp', 'submission'].sort(),
    );
    expect(listeners.map(l => l.id).sort()).toEqual([...ids].sort());
  });

  it('fetches the gzip schema behind the redirect, with the natural keys of collections (§1 Schema)', async () => {
    const schema = await client.getSchema();
    expect(schema.lists).toMatchObject({
      'x:NetworkListener': { labelProperty: 'name' },
    });
    expect(schema.fields).toHaveProperty('x:SystemSettings');
  });

  it('turns a method-level error into a typed error (query is not allowed on singletons, §1 Methods)', async () => {
    await expect(client.query('x:SystemSettings')).rejects.toMatchObject({
      name: 'StalwartApiError',
      reason: 'method-error',
      upstreamStatus: 200,
      details: { type: 'unknownMethod' },
    });
  });

  it('patches an object with set and sends ReloadSettings through x:Action (§1 Set, Reloading)', async () => {
    const server = fixture.server.control.stalwart('edge', 'mail', 'mail')
      .v016!;
    const reloadsBefore = server.reloads;
    const result = await client.set('x:SystemSettings', {
      update: { singleton: { maxConnections: 8192 } },
    });
    expect(result.updated).toHaveProperty('singleton');
    await client.reloadSettings();
    expect(server.reloads).toBe(reloadsBefore + 1);
    const { list } = await client.get('x:SystemSettings', ['singleton'], {
      properties: ['maxConnections'],
    });
    expect(list).toEqual([{ id: 'singleton', maxConnections: 8192 }]);
  });

  it('reports per-object refusals of set without throwing (§1 Set errors)', async () => {
    const result = await client.set('x:SystemSettings', {
      create: { again: { defaultHostname: 'x' } },
    });
    expect(result.notCreated?.again.type).toBe('singleton');
  });

  it('refuses type names that are not registry types before sending anything', async () => {
    await expect(client.get('Email', null)).rejects.toMatchObject({
      name: 'InputError',
    });
  });
});
