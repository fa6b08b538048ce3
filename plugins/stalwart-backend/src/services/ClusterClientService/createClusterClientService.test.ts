import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createClusterClientService } from './createClusterClientService';

const server = setupServer();
registerMswTestHooks(server);

const URL = 'https://prod.k8s.example.com';
const service = createClusterClientService({
  clusters: [
    {
      name: 'prod',
      url: URL,
      serviceAccountToken: 'sa-token',
      skipTLSVerify: false,
    },
  ],
});
const policy = { requestTimeoutMs: 500, maxRetries: 2, maxBackoffMs: 10 };

describe('createClusterClientService', () => {
  it('hands every consumer clients carrying the same cluster credentials, with its own retries', async () => {
    const seen: Array<{ method: string; authorization: string | null }> = [];
    let failures = 1;
    server.use(
      http.all(`${URL}/*`, ({ request }) => {
        seen.push({
          method: request.method,
          authorization: request.headers.get('authorization'),
        });
        if (request.method === 'GET' && failures-- > 0) {
          return HttpResponse.json({ code: 503 }, { status: 503 });
        }
        return HttpResponse.json({ kind: 'Status', metadata: {} });
      }),
    );

    await service.client('prod', policy).get('/api/v1/namespaces/mail');
    await service
      .client('prod', { ...policy, maxRetries: 0 })
      .patch(
        '/apis/apps/v1/namespaces/mail/statefulsets/mail',
        'application/merge-patch+json',
        { spec: {} },
      );

    expect(seen).toEqual([
      { method: 'GET', authorization: 'Bearer sa-token' },
      { method: 'GET', authorization: 'Bearer sa-token' },
      { method: 'PATCH', authorization: 'Bearer sa-token' },
    ]);
  });

  it('never retries a patch, and says a timed-out one may have been applied', async () => {
    let patches = 0;
    server.use(
      http.patch(`${URL}/*`, async () => {
        patches += 1;
        await new Promise(r => setTimeout(r, 1_000));
        return HttpResponse.json({});
      }),
    );
    await expect(
      service
        .client('prod', { ...policy, requestTimeoutMs: 100 })
        .patch('/apis/apps/v1/x', 'application/merge-patch+json', {}),
    ).rejects.toThrow(/may or may not have been applied/);
    expect(patches).toBe(1);
  });

  it('names a cluster that is not configured', () => {
    expect(() => service.client('staging', policy)).toThrow(
      'Cluster staging is not configured',
    );
  });
});
