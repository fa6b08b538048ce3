/** Where an instance's adoptions are proposed: the local fleet repository, GitHub or GitLab. */
export interface AdoptionPublisher {
  /** The settings plan on the branch adoptions are proposed against. */
  readPlan(folder: string): Promise<string>;
  /**
   * Commits the changed files of the instance folder on `branch` and proposes it for review;
   * refuses with a ConflictError when that branch already exists.
   */
  propose(change: AdoptionChange): Promise<ProposedAdoption>;
}

export interface AdoptionChange {
  folder: string;
  branch: string;
  /** Only the files the adoption changes, relative to the folder. */
  files: Array<{ path: string; content: string }>;
  title: string;
  /** The commit message: the title, a blank line and one trailer per adopted item. */
  message: string;
  author: { name: string; email: string };
}

export interface ProposedAdoption {
  commitSha?: string;
  /** The pull or merge request, when the fleet repository is hosted. */
  url?: string;
}
