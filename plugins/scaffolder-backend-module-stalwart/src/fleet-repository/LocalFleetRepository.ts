import { join } from 'node:path';
import git from 'isomorphic-git';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { nodeFleetFs, type FleetFs } from './fleetFs';
import { RepositoryWrites } from './RepositoryWrites';
import { withRepositoryLock } from './repositoryLock';
import {
  findFolder,
  readFolderTree,
  replaceFolder,
  writeFolderTree,
  type GitStore,
  type TreeFile,
} from './gitTrees';

/**
 * Who a commit is attributed to.
 *
 * @public
 */
export interface GitIdentity {
  name: string;
  email: string;
}

/**
 * What to propose: one instance folder on its own branch.
 *
 * @public
 */
export interface ProposeFolderRequest {
  /** The branch to create (or, with `update`, move), e.g. `stalwart/mail-prod`. */
  branch: string;
  /** The instance folder, a validated relative POSIX path. */
  folder: string;
  /** The folder's complete contents; files not listed are dropped from the folder. */
  files: TreeFile[];
  /** Replace an existing folder or branch instead of refusing. */
  update: boolean;
  /** Replace an existing folder but still refuse an existing branch (a change to a deployed instance). */
  changeExistingFolder?: boolean;
  message: string;
  author: GitIdentity;
}

/**
 * The outcome of a proposal (or, for a dry run, what it would do).
 *
 * @public
 */
export interface ProposedCommit {
  branch: string;
  /** The commit the branch now points to; absent for a dry run. */
  commitSha?: string;
  /** The commit the proposal is based on. */
  baseSha: string;
  /** Whether the folder already existed on the base commit. */
  replacedFolder: boolean;
}

/** A checked proposal, with what the compare-and-swap of the branch ref expects. */
type Plan = ProposedCommit & { branchExisted: boolean };

const COMMITTER: GitIdentity = {
  name: 'Backstage scaffolder',
  email: 'scaffolder@backstage.invalid',
};

const INITIAL_README = `# Fleet repository

GitOps folders of the Stalwart mail servers. Each instance is proposed on its own branch
\`stalwart/<name>\` by the Backstage template "Stalwart mail server"; merge it into the default
branch to deploy it.
`;

/**
 * A git repository on the backend's disk holding the GitOps folders of every instance: the
 * embedded default's stand-in for a hosted fleet repository. Proposals are written as git
 * objects and only then published by moving one branch ref, under a lock and with a
 * compare-and-swap, so the working tree and the default branch are never touched and a failed
 * or concurrent run leaves every ref as it was.
 *
 * @public
 */
export class LocalFleetRepository {
  private constructor(
    readonly dir: string,
    readonly defaultBranch: string,
    private readonly fs: FleetFs,
  ) {}

  private get gitdir() {
    return join(this.dir, '.git');
  }

  private get store(): GitStore {
    return { fs: this.fs, gitdir: this.gitdir };
  }

  private lock<T>(fn: () => Promise<T>) {
    return withRepositoryLock(join(this.gitdir, 'stalwart-publish.lock'), fn, {
      fileSystem: this.fs,
    });
  }

  /** The repository at `dir`, without creating it (for readers). */
  static at(options: {
    dir: string;
    defaultBranch: string;
    /** Default: node's; tests inject one that fails like a full disk. */
    fs?: FleetFs;
  }): LocalFleetRepository {
    return new LocalFleetRepository(
      options.dir,
      options.defaultBranch,
      options.fs ?? nodeFleetFs,
    );
  }

  /** Opens the repository, creating it with an initial commit on first use. */
  static async open(options: {
    dir: string;
    defaultBranch: string;
    fs?: FleetFs;
  }): Promise<LocalFleetRepository> {
    const repo = LocalFleetRepository.at(options);
    const fs = repo.fs;
    await fs.promises.mkdir(options.dir, { recursive: true });
    await git.init({
      fs,
      dir: options.dir,
      defaultBranch: options.defaultBranch,
    });
    if (!(await repo.resolveBranch(options.defaultBranch))) {
      await repo.lock(() => repo.createInitialCommit());
    }
    return repo;
  }

  private async createInitialCommit() {
    if (await this.resolveBranch(this.defaultBranch)) return;
    const fs = this.fs;
    await fs.promises.writeFile(join(this.dir, 'README.md'), INITIAL_README);
    await git.add({ fs, dir: this.dir, filepath: 'README.md' });
    await git.commit({
      fs,
      dir: this.dir,
      message: 'Start the fleet repository',
      author: COMMITTER,
    });
  }

  /** The commit a branch points to, or undefined when there is no such branch. */
  async resolveBranch(branch: string): Promise<string | undefined> {
    try {
      return await git.resolveRef({
        ...this.store,
        ref: `refs/heads/${branch}`,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') {
        return undefined;
      }
      throw error;
    }
  }

  /** Checks a proposal without writing anything, and says what it would do. */
  async check(request: ProposeFolderRequest): Promise<ProposedCommit> {
    const { branchExisted: _, ...plan } = await this.plan(request);
    return plan;
  }

  /**
   * Commits the folder on the branch. Refuses (ConflictError) an existing branch or instance
   * folder unless `update` is set.
   */
  async propose(request: ProposeFolderRequest): Promise<ProposedCommit> {
    try {
      return await this.lock(async () => {
        const writes = new RepositoryWrites(this.fs);
        try {
          return await this.write(request, {
            fs: writes.fs,
            gitdir: this.gitdir,
          });
        } catch (error) {
          await writes.rollback();
          throw error;
        }
      });
    } catch (error) {
      throw this.explainWriteFailure(error);
    }
  }

  /** A filesystem failure in words, saying that nothing was published; other errors as they are. */
  private explainWriteFailure(error: unknown): unknown {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !(error as NodeJS.ErrnoException).syscall) return error;
    const why =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'no space left on device'
        : (error as Error).message;
    return new ServiceUnavailableError(
      `Could not write to the fleet repository ${this.dir}: ${why} (${code}). Nothing was published and the repository is as it was`,
      error,
    );
  }

  /** Writes the proposal's objects and moves the branch; the caller holds the lock. */
  private async write(
    request: ProposeFolderRequest,
    store: GitStore,
  ): Promise<ProposedCommit> {
    const { branchExisted, ...plan } = await this.plan(request);
    const baseCommit = await git.readCommit({
      ...store,
      oid: plan.baseSha,
    });
    const folderTree = await writeFolderTree(store, request.files);
    const rootTree = await replaceFolder(
      store,
      baseCommit.commit.tree,
      request.folder.split('/'),
      folderTree,
    );
    if (rootTree === baseCommit.commit.tree) {
      if (!branchExisted) {
        await this.moveBranch(store, request.branch, undefined, plan.baseSha);
      }
      return { ...plan, commitSha: plan.baseSha };
    }
    const now = Math.floor(Date.now() / 1000);
    const stamp = (who: GitIdentity) => ({
      ...who,
      timestamp: now,
      timezoneOffset: 0,
    });
    const commitSha = await git.writeCommit({
      ...store,
      commit: {
        message: request.message.endsWith('\n')
          ? request.message
          : `${request.message}\n`,
        tree: rootTree,
        parent: [plan.baseSha],
        author: stamp(request.author),
        committer: stamp(COMMITTER),
      },
    });
    await this.moveBranch(
      store,
      request.branch,
      branchExisted ? plan.baseSha : undefined,
      commitSha,
    );
    return { ...plan, commitSha };
  }

  /** Compare-and-swap of the branch ref: it must still be what the plan was made against. */
  private async moveBranch(
    store: GitStore,
    branch: string,
    expected: string | undefined,
    commitSha: string,
  ) {
    const current = await this.resolveBranch(branch);
    if (current !== expected) {
      throw new ConflictError(
        `Branch ${branch} changed while the proposal was being written; nothing was published`,
      );
    }
    await git.writeRef({
      ...store,
      ref: `refs/heads/${branch}`,
      value: commitSha,
      force: expected !== undefined,
    });
  }

  private async plan(request: ProposeFolderRequest): Promise<Plan> {
    const { branch, folder, update } = request;
    const defaultSha = await this.resolveBranch(this.defaultBranch);
    if (!defaultSha) {
      throw new NotFoundError(
        `The fleet repository ${this.dir} has no branch ${this.defaultBranch}`,
      );
    }
    const branchSha = await this.resolveBranch(branch);
    if (branchSha && !update) {
      throw new ConflictError(
        `Branch ${branch} already exists in the fleet repository ${this.dir}: this instance was already proposed. Choose another name, or set update: true in the spec to replace its folder`,
      );
    }
    const baseSha = branchSha ?? defaultSha;
    const { commit } = await git.readCommit({
      ...this.store,
      oid: baseSha,
    });
    const existing = await findFolder(
      this.store,
      commit.tree,
      folder.split('/'),
    );
    if (existing && !update && !request.changeExistingFolder) {
      throw new ConflictError(
        `The instance folder ${folder} already exists on ${this.defaultBranch} of the fleet repository ${this.dir}. Choose another gitops.path, or set update: true in the spec to replace it`,
      );
    }
    return {
      branch,
      baseSha,
      replacedFolder: Boolean(existing),
      branchExisted: Boolean(branchSha),
    };
  }

  /** The files of one folder on a branch (to propose it again with a file changed), or undefined. */
  async readFolder(
    branch: string,
    folder: string,
  ): Promise<TreeFile[] | undefined> {
    const commit = await this.resolveBranch(branch);
    if (!commit) throw new NotFoundError(`No branch ${branch} in ${this.dir}`);
    const { commit: read } = await git.readCommit({
      ...this.store,
      oid: commit,
    });
    const tree = await findFolder(this.store, read.tree, folder.split('/'));
    return tree ? readFolderTree(this.store, tree) : undefined;
  }

  /** The branches whose names start with `prefix`. */
  async listBranches(prefix: string): Promise<string[]> {
    const branches = await git.listBranches({ ...this.store });
    return branches.filter(b => b.startsWith(prefix)).sort();
  }

  /** The message of the commit a branch points to. */
  async headMessage(branch: string): Promise<string | undefined> {
    const oid = await this.resolveBranch(branch);
    if (!oid) return undefined;
    return (await git.readCommit({ ...this.store, oid })).commit.message;
  }

  /** One file of a branch, with the blob oid as its version. */
  async readFile(
    branch: string,
    path: string,
  ): Promise<{ content: Buffer; oid: string }> {
    const commit = await this.resolveBranch(branch);
    if (!commit) {
      throw new NotFoundError(`No branch ${branch} in ${this.dir}`);
    }
    try {
      const { blob, oid } = await git.readBlob({
        ...this.store,
        oid: commit,
        filepath: path,
      });
      return { content: Buffer.from(blob), oid };
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') {
        throw new NotFoundError(`No file ${path} on branch ${branch}`);
      }
      throw error;
    }
  }
}
