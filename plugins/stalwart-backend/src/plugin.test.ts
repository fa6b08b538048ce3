import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { stalwartPlugin } from './plugin';

describe('stalwartPlugin', () => {
  it('answers its health route without credentials', async () => {
    const { server } = await startTestBackend({ features: [stalwartPlugin] });

    const res = await request(server).get('/api/stalwart/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
