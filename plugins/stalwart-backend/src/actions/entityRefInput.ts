import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** An agent's entity reference (`component:default/mail-edge`, or `mail-edge`), as the catalog stores it. */
export function normalizeEntityRef(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: 'component' }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `entityRef "${value}" is not an entity reference such as component:default/mail-edge`,
    );
  }
}
