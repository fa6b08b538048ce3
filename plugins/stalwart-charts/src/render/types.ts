/**
 * One rendered file, with its path relative to the spec's `gitops.path`.
 *
 * @public
 */
export interface RenderedFile {
  path: string;
  content: string;
}

/**
 * Who owns the instance in the catalog; the catalog entity is rendered only with an owner.
 *
 * @public
 */
export interface RenderOptions {
  /** Entity reference of the owning group or user, e.g. `group:default/mail-admins`. */
  owner?: string;
  /** The system the instance belongs to. */
  system?: string;
  /** Names of the Backstage-configured clusters the instance runs in. */
  clusters?: string[];
}
