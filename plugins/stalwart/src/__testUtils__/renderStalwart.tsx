import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { RenderResult } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { stalwartApiRef } from '../api/StalwartApi';
import { StalwartClient } from '../api/StalwartClient';
import {
  SharedQueryCache,
  stalwartQueryCacheApiRef,
} from '../queries/SharedQueryCache';

/** Where the test backend lives; msw handlers answer under it. */
export const TEST_BASE_URL = 'http://stalwart.test';
/** The backend URL of an entity's resource (`status`, `drift`). */
export function entityUrl(name: string, resource: string): string {
  return `${TEST_BASE_URL}/api/stalwart/v1/entities/default/component/${name}/${resource}`;
}

export const STATUS_URL = `${TEST_BASE_URL}/api/stalwart/v1/entities/default/component/mail/status`;
export const DRIFT_URL = `${TEST_BASE_URL}/api/stalwart/v1/entities/default/component/mail/drift`;
export const REMEDIATIONS_URL = `${DRIFT_URL}/remediations`;

/**
 * `POST /v1/statuses` as the backend answers it, from the test's own single-entity status
 * handlers: a 403 or 404 becomes that entity's item, any other failure fails the batch. For
 * pages that read many entities at once, which the client batches.
 */
export const statusBatchFromSingleRoutes = http.post(
  `${TEST_BASE_URL}/api/stalwart/v1/statuses`,
  async ({ request }) => {
    const { entityRefs } = (await request.json()) as { entityRefs: string[] };
    const answers = await Promise.all(
      entityRefs.map(async entityRef => {
        const { kind, namespace, name } = parseEntityRef(entityRef);
        const res = await fetch(
          `${TEST_BASE_URL}/api/stalwart/v1/entities/${namespace}/${kind}/${name}/status`,
        );
        return { entityRef, res, body: await res.json() };
      }),
    );
    const failed = answers.find(
      a => !a.res.ok && a.res.status !== 403 && a.res.status !== 404,
    );
    if (failed) {
      return HttpResponse.json(failed.body, { status: failed.res.status });
    }
    return HttpResponse.json({
      items: answers.map(({ entityRef, res, body }) =>
        res.ok ? { entityRef, status: body } : { entityRef, error: body.error },
      ),
    });
  },
);

/** An error as the Stalwart backend's error handler sends it (`@backstage/errors` body). */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );
}

export const mailEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail',
    annotations: {
      'stalwart.io/release': 'mail',
      'stalwart.io/namespace': 'mail',
      'stalwart.io/chart': 'antigenic',
      'stalwart.io/hostname': 'mail.example.com',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/mail-admins',
    lifecycle: 'production',
  },
};

/**
 * Renders `element` inside the test app with the real client (talking to msw), a fresh query
 * cache and a permission answer, for `entity`.
 */
export async function renderStalwart(
  element: JSX.Element,
  options: {
    entity?: Entity;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    refreshIntervalMs?: number;
    config?: Record<string, unknown>;
    /** More API implementations, e.g. `catalogApiMock(...)`. */
    apis?: any[];
    mountedRoutes?: Record<string, any>;
  } = {},
): Promise<RenderResult & { client: StalwartClient; cache: SharedQueryCache }> {
  const client = new StalwartClient({
    discoveryApi: mockApis.discovery({ baseUrl: TEST_BASE_URL }),
    fetchApi: mockApis.fetch(),
  });
  const cache = new SharedQueryCache({
    refreshIntervalMs: options.refreshIntervalMs ?? 60_000,
  });
  const result = await renderInTestApp(
    <EntityProvider entity={options.entity ?? mailEntity}>
      {element}
    </EntityProvider>,
    {
      apis: [
        [stalwartApiRef, client],
        [stalwartQueryCacheApiRef, cache],
        mockApis.permission({
          authorize: options.permission ?? AuthorizeResult.ALLOW,
        }),
        ...(options.apis ?? []),
      ],
      config: options.config as any,
      mountedRoutes: options.mountedRoutes,
    },
  );
  return { ...result, client, cache };
}
