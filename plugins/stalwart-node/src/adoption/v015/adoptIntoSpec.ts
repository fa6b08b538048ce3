import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { isSecretLikeKey } from '../../drift/masking';
import {
  formatSpecProblems,
  parseInstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { assertNoSecret } from '../secretGuard';
import { AdoptionRefused, type AdoptionRefusal } from '../types';
import { adoptKeyIntoSpec } from './specFieldOfKey';

/**
 * Changes a v0.15 instance spec (the document as written, defaults not applied) so that the
 * chart values rendered from it put each item's live value into config.toml. The result must
 * still be a valid spec: when it is not, every item is refused with the field and the rule,
 * and the spec is returned unchanged.
 *
 * @public
 */
export function adoptIntoSpec(input: {
  spec: Record<string, unknown>;
  items: DriftItemV1[];
}): {
  spec: Record<string, unknown>;
  adopted: string[];
  refused: AdoptionRefusal[];
} {
  const spec = structuredClone(input.spec);
  const adopted: string[] = [];
  const refused: AdoptionRefusal[] = [];
  for (const item of input.items) {
    try {
      if (item.masked || (item.key && isSecretLikeKey(item.key)))
        throw new AdoptionRefused(
          `${
            item.key ?? item.id
          }: a secret key can only be declared as a %{env:…}% or %{file:…}% reference, and its live value is withheld`,
        );
      assertNoSecret(item.key ?? item.id, item.live, () => false);
      adoptKeyIntoSpec(spec, item);
      adopted.push(item.id);
    } catch (error) {
      if (!(error instanceof AdoptionRefused)) throw error;
      refused.push({ itemId: item.id, reason: error.message });
    }
  }
  const parsed = parseInstanceSpec(spec);
  if (!parsed.ok) {
    const rules = formatSpecProblems(parsed.problems).join('; ');
    return {
      spec: input.spec,
      adopted: [],
      refused: [
        ...refused,
        ...adopted.map(itemId => ({
          itemId,
          reason: `the spec would no longer be valid: ${rules}`,
        })),
      ],
    };
  }
  return { spec: adopted.length ? spec : input.spec, adopted, refused };
}
