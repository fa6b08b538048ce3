import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { resetRoutePlan } from '../__testUtils__/driftFixtures';
import { errorResponse, TEST_BASE_URL } from '../__testUtils__/renderStalwart';
import { clusterStatus, statusResponse } from '../__testUtils__/statusFixtures';
import { errorKind, errorMessage } from '../components/common/describeError';
import { StalwartClient } from './StalwartClient';

const server = setupServer();
registerMswTestHooks(server);

const base = `${TEST_BASE_URL}/api/stalwart/v1/entities`;
const ref = { kind: 'Component', namespace: 'default', name: 'Mail' };

function client() {
  return new StalwartClient({
    discoveryApi: mockApis.discovery({ baseUrl: TEST_BASE_URL }),
    fetchApi: mockApis.fetch(),
  });
}

describe('StalwartClient', () => {
  it('reads the status of an entity under its lower-cased reference', async () => {
    const status = statusResponse([clusterStatus({ cluster: 'homelab' })]);
    server.use(
      http.get(`${base}/default/component/mail/status`, () =>
        HttpResponse.json(status),
      ),
    );

    await expect(client().getInstanceStatus(ref)).resolves.toEqual(status);
  });

  it('encodes every part of the reference', async () => {
    let path = '';
    server.use(
      http.get(`${base}/*`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({});
      }),
    );
    await client().getInstanceStatus({
      kind: 'component',
      namespace: 'a b',
      name: 'x?y',
    });
    expect(path).toBe('/api/stalwart/v1/entities/a%20b/component/x%3Fy/status');
  });

  it('sends the status reads made together as one batch and answers each reader with its own item', async () => {
    const bodies: unknown[] = [];
    const mail = statusResponse([clusterStatus({ cluster: 'homelab' })]);
    server.use(
      http.post(
        `${TEST_BASE_URL}/api/stalwart/v1/statuses`,
        async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json({
            items: [
              { entityRef: 'component:default/mail', status: mail },
              {
                entityRef: 'component:default/secret',
                error: {
                  name: 'NotAllowedError',
                  message: 'You may not read it',
                },
              },
            ],
          });
        },
      ),
    );
    const stalwart = client();

    const [ok, denied, again] = await Promise.allSettled([
      stalwart.getInstanceStatus(ref),
      stalwart.getInstanceStatus({ ...ref, name: 'secret' }),
      stalwart.getInstanceStatus(ref),
    ]);

    expect(bodies).toEqual([
      { entityRefs: ['component:default/mail', 'component:default/secret'] },
    ]);
    expect(ok).toEqual({ status: 'fulfilled', value: mail });
    expect(again).toEqual(ok);
    const error = (denied as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(errorKind(error)).toBe('denied');
    expect(errorMessage(error)).toBe('You may not read it');
  });

  it('splits a fleet of reads into batches of 100', async () => {
    const sizes: number[] = [];
    server.use(
      http.post(
        `${TEST_BASE_URL}/api/stalwart/v1/statuses`,
        async ({ request }) => {
          const { entityRefs } = (await request.json()) as {
            entityRefs: string[];
          };
          sizes.push(entityRefs.length);
          return HttpResponse.json({
            items: entityRefs.map(entityRef => ({
              entityRef,
              status: { entityRef },
            })),
          });
        },
      ),
    );
    const stalwart = client();

    const answers = await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        stalwart.getInstanceStatus({ ...ref, name: `mail-${i}` }),
      ),
    );

    expect(sizes).toEqual([100, 100, 50]);
    expect(answers[249]).toEqual({ entityRef: 'component:default/mail-249' });
  });

  it('asks for hidden drift classes only when told to', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${base}/default/component/mail/drift`, ({ request }) => {
        urls.push(new URL(request.url).search);
        return HttpResponse.json({});
      }),
    );
    await client().getInstanceDrift(ref);
    await client().getInstanceDrift(ref, { includeHidden: true });
    expect(urls).toEqual(['', '?includeHidden=true']);
  });

  it('posts remediations as JSON and returns the plan', async () => {
    let body: unknown;
    server.use(
      http.post(
        `${base}/default/component/mail/drift/remediations`,
        async ({ request }) => {
          expect(request.headers.get('content-type')).toBe('application/json');
          body = await request.json();
          return HttpResponse.json(resetRoutePlan);
        },
      ),
    );
    const request = {
      action: 'reset-to-git' as const,
      itemIds: ['queue.route.resend.address'],
      dryRun: true,
    };
    await expect(client().remediate(ref, request)).resolves.toEqual(
      resetRoutePlan,
    );
    expect(body).toEqual(request);
  });

  it('throws the backend error as a ResponseError with its status and message', async () => {
    server.use(
      http.get(`${base}/default/component/mail/status`, () =>
        errorResponse(
          404,
          'NotFoundError',
          'No catalog entity component:default/mail',
        ),
      ),
    );
    const error = await client()
      .getInstanceStatus(ref)
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe(
      'No catalog entity component:default/mail',
    );
  });
});
