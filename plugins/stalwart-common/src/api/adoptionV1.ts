import type { DriftClass } from './driftV1';

/**
 * The classes where keeping the live value means something: git then declares what runs
 * (`changed-live`, `database-only-user`) or stops declaring what does not (`missing-live`).
 *
 * @public
 */
export const ADOPTABLE_CLASSES: readonly DriftClass[] = [
  'changed-live',
  'database-only-user',
  'missing-live',
];

/**
 * `POST …/drift/adoptions`: the change that makes git declare the live values (dry run), or the
 * branch it was committed on.
 *
 * @public
 */
export interface AdoptionResultV1 {
  dryRun: boolean;
  /** The items whose live value git will declare. */
  adopted: string[];
  /** The items that cannot be adopted, each with why. */
  refused: Array<{ itemId: string; reason: string }>;
  /** The instance folder in the fleet repository. */
  folder: string;
  /** Each changed file of the folder as a unified diff. */
  files: Array<{ path: string; diff: string }>;
  /** Per adopted item, the live value it keeps: send it back with the apply. */
  expectedLive: Record<string, string | null>;
  /** The branch the change is (or would be) committed on. */
  branch: string;
  /** Absent for a dry run, and when a hosted repository made the commit. */
  commitSha?: string;
  /** The pull request (GitHub) or merge request (GitLab) it opened; absent for a local branch. */
  url?: string;
}

/**
 * An open adoption: a branch of the local fleet repository, or an open pull request (GitHub) /
 * merge request (GitLab) of the hosted one, and the drift items its `Adopts-Item:` lines adopt.
 *
 * @public
 */
export interface AdoptionProposalV1 {
  branch: string;
  itemIds: string[];
  /** The pull or merge request; absent for a branch of the local fleet repository. */
  url?: string;
}

/**
 * `GET …/drift/adoptions`: the instance's open adoptions.
 *
 * @public
 */
export interface AdoptionProposalsResponseV1 {
  proposals: AdoptionProposalV1[];
}
