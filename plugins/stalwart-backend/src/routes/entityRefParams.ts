import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

const entityParams = z.object({
  namespace: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
  kind: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,62}$/),
  name: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
});

/** The entity ref of `/v1/entities/:namespace/:kind/:name/…`, lowercased as the catalog stores it. */
export function entityRefFromParams(params: unknown): string {
  const parsed = entityParams.safeParse(params);
  if (!parsed.success) {
    throw new InputError(
      `Invalid entity reference: ${parsed.error.issues
        .map(i => `${i.path.join('.')} ${i.message}`)
        .join(', ')}`,
    );
  }
  return stringifyEntityRef(parsed.data).toLocaleLowerCase('en-US');
}
