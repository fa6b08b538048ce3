import { pathToFileURL } from 'node:url';
import type { Entity } from '@backstage/catalog-model';
import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * The catalog entity of instance `name` as the template registers it from its proposal branch
 * `stalwart/<name>` of the local fleet repository at `repoDir`: its location is the catalog
 * file on that branch, as the fleet repository's URL reader reads it.
 */
export function proposedInstanceEntity(options: {
  repoDir: string;
  name: string;
  owner: string;
}): Entity {
  const { repoDir, name } = options;
  const branch = encodeURIComponent(`stalwart/${name}`);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [STALWART_ANNOTATIONS.release]: name,
        'backstage.io/managed-by-location': `url:${
          pathToFileURL(repoDir).href
        }/-/blob/${branch}/instances/${name}/catalog-info.yaml`,
      },
    },
    spec: { type: 'service', owner: options.owner, lifecycle: 'production' },
  };
}
