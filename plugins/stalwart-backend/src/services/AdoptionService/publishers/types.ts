import type { AdoptionProposalV1 } from '@stalwart-backstage/plugin-stalwart-common';

/** Where an instance's adoptions are proposed: the local fleet repository, GitHub or GitLab. */
export interface AdoptionPublisher {
  /** The settings plan on the branch adoptions are proposed against. */
  readPlan(folder: string): Promise<string>;
  /**
   * The open proposals whose branch starts with `branchPrefix`: local branches, or the open
   * pull / merge requests of the hosted repository whose head branch does.
   */
  proposals(branchPrefix: string): Promise<AdoptionProposal[]>;
  /**
   * The proposal on `branch` when that branch already exists (with its open pull / merge
   * request, if any), else undefined: an adoption of the same items is then already proposed.
   */
  existing(branch: string): Promise<AdoptionProposal | undefined>;
  /**
   * Commits the changed files of the instance folder on `branch` and proposes it for review;
   * refuses with a ConflictError when that branch already exists.
   */
  propose(change: AdoptionChange): Promise<ProposedAdoption>;
}

/** An open adoption proposal and the drift items it adopts, as `GET …/drift/adoptions` lists it. */
export type AdoptionProposal = AdoptionProposalV1;

export interface AdoptionChange {
  folder: string;
  branch: string;
  /** Only the files the adoption changes, relative to the folder. */
  files: Array<{ path: string; content: string }>;
  title: string;
  /** The commit message, from `adoptionCommitMessage`: every publisher commits exactly this. */
  message: string;
  author: { name: string; email: string };
}

export interface ProposedAdoption {
  commitSha?: string;
  /** The pull or merge request, when the fleet repository is hosted. */
  url?: string;
}
