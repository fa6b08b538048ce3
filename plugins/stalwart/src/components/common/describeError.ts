import { ResponseError } from '@backstage/errors';

/** How a failed request should read to the user. */
export type ErrorKind = 'denied' | 'not-found' | 'backend-missing' | 'failed';

export function errorKind(error: Error): ErrorKind {
  const status = error instanceof ResponseError ? error.statusCode : undefined;
  if (status === 403) return 'denied';
  // The plugin answers its 404s with a `@backstage/errors` body naming the request; a backend
  // without the plugin answers `/api/stalwart/...` with an empty 404.
  if (status === 404) {
    return (error as ResponseError).body.request
      ? 'not-found'
      : 'backend-missing';
  }
  return 'failed';
}

/** The server's own message when it sent one (a `@backstage/errors` body), else the error's. */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return error.message;
}
