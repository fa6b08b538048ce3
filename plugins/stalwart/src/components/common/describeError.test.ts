import { ResponseError } from '@backstage/errors';
import { errorKind } from './describeError';

const response = (status: number, body?: object) =>
  new Response(body ? JSON.stringify(body) : null, {
    status,
    headers: body ? { 'Content-Type': 'application/json' } : {},
  });

describe('errorKind', () => {
  it('reads an empty 404 as a backend without the Stalwart plugin', async () => {
    const error = await ResponseError.fromResponse(response(404));
    expect(errorKind(error)).toBe('backend-missing');
  });

  it('reads the plugin own 404 as a missing entity', async () => {
    const error = await ResponseError.fromResponse(
      response(404, {
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/x',
        },
        request: {
          method: 'GET',
          url: '/v1/entities/default/component/x/status',
        },
        response: { statusCode: 404 },
      }),
    );
    expect(errorKind(error)).toBe('not-found');
  });

  it('reads a 403 as a denial', async () => {
    const error = await ResponseError.fromResponse(
      response(403, {
        error: { name: 'NotAllowedError', message: 'no' },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: 403 },
      }),
    );
    expect(errorKind(error)).toBe('denied');
  });
});
