import { InputError } from '@backstage/errors';
import type { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { SETTINGS_PLAN_PATH } from '@stalwart-backstage/plugin-stalwart-node';
import { adoptedItemIds } from '../commitMessage';
import type { AdoptionPublisher } from './types';

/** Adoptions as branches of the local fleet repository, which the embedded default deploys. */
export function localPublisher(options: {
  repository: () => Promise<LocalFleetRepository>;
  defaultBranch: string;
}): AdoptionPublisher {
  const { defaultBranch } = options;
  const folderOnDefault = async (folder: string) => {
    const repo = await options.repository();
    const files = await repo.readFolder(defaultBranch, folder);
    if (!files?.some(f => f.path === SETTINGS_PLAN_PATH))
      throw new InputError(
        `The fleet repository has no ${folder}/${SETTINGS_PLAN_PATH} on ${defaultBranch}`,
      );
    return { repo, files };
  };
  const proposal = async (repo: LocalFleetRepository, branch: string) => ({
    branch,
    itemIds: adoptedItemIds(await repo.headMessage(branch)),
  });
  return {
    async proposals(branchPrefix) {
      const repo = await options.repository();
      const branches = await repo.listBranches(branchPrefix);
      return Promise.all(branches.map(branch => proposal(repo, branch)));
    },
    async existing(branch) {
      const repo = await options.repository();
      return (await repo.resolveBranch(branch))
        ? proposal(repo, branch)
        : undefined;
    },
    async readPlan(folder) {
      const { files } = await folderOnDefault(folder);
      return files.find(f => f.path === SETTINGS_PLAN_PATH)!.content;
    },
    async propose(change) {
      const { repo, files } = await folderOnDefault(change.folder);
      const changed = new Map(change.files.map(f => [f.path, f.content]));
      const proposed = await repo.propose({
        branch: change.branch,
        folder: change.folder,
        files: files.map(f => ({
          path: f.path,
          content: changed.get(f.path) ?? f.content,
        })),
        update: false,
        changeExistingFolder: true,
        message: change.message,
        author: change.author,
      });
      return { commitSha: proposed.commitSha };
    },
  };
}
