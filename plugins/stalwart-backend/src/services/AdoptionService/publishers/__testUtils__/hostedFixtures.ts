import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { hostedPublishers } from '../hostedPublisher';

/** The demo's edge instance, registered from a catalog file at `location`. */
export const entityFrom = (location: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail-edge',
    annotations: {
      'backstage.io/managed-by-location': `url:${location}`,
      'stalwart.io/gitops-path': 'edge/mail',
    },
  },
});

/** Hosted publishers with a github.com and a gitlab.com integration, reading `plan` as the plan. */
export function testHostedPublishers(plan: string) {
  const urlReader = mockServices.urlReader.mock({
    readUrl: async () => ({ buffer: async () => Buffer.from(plan) }),
  });
  const hosted = hostedPublishers({
    config: new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: 'ghp-test' }],
        gitlab: [
          {
            host: 'gitlab.com',
            token: 'glpat-test',
            apiBaseUrl: 'https://gitlab.com/api/v4',
          },
        ],
      },
    }),
    urlReader,
    logger: mockServices.logger.mock(),
  });
  return { hosted, urlReader };
}
