import { isAbsolute, resolve } from 'node:path';
import type { Config } from '@backstage/config';

/**
 * The `stalwart.gitops` keys this module reads, resolved.
 *
 * @public
 */
export interface LocalGitOpsConfig {
  /** Absolute path of the local fleet repository. */
  localRepository: string;
  defaultBranch: string;
}

export const DEFAULT_LOCAL_REPOSITORY = '.data/fleet-repo';

const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

/**
 * Reads `stalwart.gitops`, resolving a relative repository path against `rootDir`.
 *
 * @public
 */
export function readLocalGitOpsConfig(
  config: Config,
  rootDir: string,
): LocalGitOpsConfig {
  const gitops = config.getOptionalConfig('stalwart.gitops');
  const configured =
    gitops?.getOptionalString('localRepository') ?? DEFAULT_LOCAL_REPOSITORY;
  const defaultBranch =
    gitops?.getOptionalString('localDefaultBranch') ?? 'main';
  if (!BRANCH.test(defaultBranch) || defaultBranch.includes('..')) {
    throw new Error(
      `stalwart.gitops.localDefaultBranch "${defaultBranch}" is not a valid branch name`,
    );
  }
  return {
    localRepository: isAbsolute(configured)
      ? configured
      : resolve(rootDir, configured),
    defaultBranch,
  };
}
