import { secretLikeReason } from '@stalwart-backstage/plugin-stalwart-charts';
import { AdoptionRefused } from './types';

const isReference = (value: unknown) => {
  const type = (value as Record<string, unknown> | undefined)?.['@type'];
  return type === 'EnvironmentVariable' || type === 'File';
};

/**
 * Refuses a value git must never hold: any string that looks like a secret (whatever the field),
 * and anything but a reference in a secret field (`secretField` says which names are secret).
 */
export function assertNoSecret(
  where: string,
  value: unknown,
  secretField: (name: string) => boolean,
  name = '',
): void {
  if (name && secretField(name) && value !== undefined && !isReference(value))
    throw new AdoptionRefused(
      `${where} is a secret field: git declares secrets only as references (EnvironmentVariable or File), and the live value is not one`,
    );
  if (typeof value === 'string') {
    const reason = secretLikeReason(value);
    if (reason)
      throw new AdoptionRefused(
        `${where}: the live value looks like a secret (${reason}); secrets never go into git, declare a reference instead`,
      );
    return;
  }
  if (value && typeof value === 'object' && !isReference(value))
    for (const [key, inner] of Object.entries(value))
      assertNoSecret(`${where}/${key}`, inner, secretField, key);
}
