import {
  getGuestToken,
  startBackend,
  startPostgres,
  waitFor,
  type RunningBackend,
  type RunningPostgres,
} from '@stalwart-backstage/test-harness';
import { resolve } from 'node:path';
import { Client } from 'pg';

const TEMPLATE_FILE = resolve(
  __dirname,
  '__fixtures__/round-trip-template.yaml',
);

describe('the production configuration on PostgreSQL 15', () => {
  let postgres: RunningPostgres;
  let backend: RunningBackend;
  let token: string;

  beforeAll(async () => {
    postgres = await startPostgres();
    backend = await startBackend({
      configFiles: ['app-config.yaml', 'app-config.production.yaml'],
      env: {
        POSTGRES_HOST: postgres.host,
        POSTGRES_PORT: String(postgres.port),
        POSTGRES_USER: postgres.user,
        POSTGRES_PASSWORD: postgres.password,
      },
      config: {
        catalog: {
          locations: [
            {
              type: 'file',
              target: TEMPLATE_FILE,
              rules: [{ allow: ['Template'] }],
            },
          ],
        },
      },
    });
    token = await getGuestToken(backend.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await backend?.stop();
    await postgres?.stop();
  }, 60_000);

  const api = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${backend.baseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init?.headers,
      },
    });
    return res;
  };

  const query = async (database: string, sql: string, params: unknown[]) => {
    const client = new Client({
      host: postgres.host,
      port: postgres.port,
      user: postgres.user,
      password: postgres.password,
      database,
    });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  it('ingests catalog entities into the catalog database', async () => {
    const entity = await waitFor(
      'the template to be ingested',
      async () => {
        const res = await api(
          '/api/catalog/entities/by-name/template/default/database-round-trip',
        );
        return res.ok
          ? ((await res.json()) as { metadata: { uid: string } })
          : undefined;
      },
      { timeoutMs: 60_000 },
    );

    const rows = await query(
      'backstage_plugin_catalog',
      'select entity_ref from final_entities where entity_id = $1',
      [entity.metadata.uid],
    );
    expect(rows).toEqual([
      { entity_ref: 'template:default/database-round-trip' },
    ]);
  }, 90_000);

  it('runs a scaffolder task and keeps it in the scaffolder database', async () => {
    const created = await api('/api/scaffolder/v2/tasks', {
      method: 'POST',
      body: JSON.stringify({
        templateRef: 'template:default/database-round-trip',
        values: { greeting: 'hello from postgres' },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const task = await waitFor(
      'the task to finish',
      async () => {
        const res = await api(`/api/scaffolder/v2/tasks/${id}`);
        const body = (await res.json()) as { status: string };
        return ['completed', 'failed', 'cancelled'].includes(body.status)
          ? body
          : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(task.status).toBe('completed');

    const rows = await query(
      'backstage_plugin_scaffolder',
      'select status from tasks where id = $1',
      [id],
    );
    expect(rows).toEqual([{ status: 'completed' }]);
  }, 90_000);
});
