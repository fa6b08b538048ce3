/**
 * A file the merge of a proposal changes on the default branch, as `git diff --name-status`.
 *
 * @public
 */
export interface ProposalMergeFileV1 {
  /** What the merge does to the file on the default branch. */
  status: 'added' | 'modified' | 'deleted';
  /** The file's path from the repository root. */
  path: string;
}

/**
 * `POST /v1/entities/:namespace/:kind/:name/proposal/merge`: what merging the instance's
 * proposal branch into the fleet repository's default branch does (`dryRun`) or did.
 *
 * @public
 */
export interface ProposalMergeResultV1 {
  /** The instance entity whose proposal this is. */
  entityRef: string;
  /** Whether this only previews the merge (nothing was written). */
  dryRun: boolean;
  /** The proposal branch, e.g. `stalwart/mail-prod`. */
  branch: string;
  /** The branch Flux or Argo CD follow, e.g. `main`. */
  into: string;
  /** The default branch's commit the merge is made on; send it back to apply what was previewed. */
  baseSha: string;
  /** The proposal's commit; send it back too. */
  headSha: string;
  /** The files the merge brings to the default branch. */
  files: ProposalMergeFileV1[];
  /** The merge commit the default branch now points to; absent for a dry run. */
  mergeSha?: string;
}
