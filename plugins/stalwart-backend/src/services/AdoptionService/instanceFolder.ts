import path from 'node:path';
import {
  ANNOTATION_LOCATION,
  type Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * The instance's folder in the fleet repository: the `stalwart.io/gitops-path` annotation, or
 * for an entity registered from a checkout inside `planDirectories`, its catalog file's folder
 * relative to that checkout.
 */
export function instanceFolder(
  entity: Entity,
  planDirectories: readonly string[],
): string {
  const annotated =
    entity.metadata.annotations?.[STALWART_ANNOTATIONS.gitopsPath];
  if (annotated) return annotated;
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (location) {
    const { type, target } = parseLocationRef(location);
    if (type === 'file')
      for (const directory of planDirectories) {
        const relative = path.relative(directory, path.dirname(target));
        if (
          relative &&
          !relative.startsWith('..') &&
          !path.isAbsolute(relative)
        )
          return relative.split(path.sep).join('/');
      }
  }
  throw new InputError(
    `The folder of ${entity.metadata.name} in the fleet repository is unknown: set the ${STALWART_ANNOTATIONS.gitopsPath} annotation`,
  );
}
