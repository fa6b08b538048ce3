/**
 * An item that cannot be adopted, and why, in words naming the key or field.
 *
 * @public
 */
export interface AdoptionRefusal {
  itemId: string;
  reason: string;
}

/**
 * One file of the instance's GitOps folder as an adoption changes it.
 *
 * @public
 */
export interface AdoptionFileChange {
  /** Relative to the instance folder, e.g. `settings-plan.ndjson`. */
  path: string;
  before: string;
  after: string;
  /** `before` → `after` as a unified diff. */
  diff: string;
}

/**
 * What adopting a set of items changes: the files, the items adopted and those refused.
 *
 * @public
 */
export interface AdoptionChange {
  adopted: string[];
  refused: AdoptionRefusal[];
  /** Empty when nothing was adopted. */
  files: AdoptionFileChange[];
}

/**
 * Thrown inside one item's adoption: the item is refused with this reason.
 *
 * @public
 */
export class AdoptionRefused extends Error {
  name = 'AdoptionRefused' as const;
}
