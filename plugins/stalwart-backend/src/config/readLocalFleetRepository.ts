import { isAbsolute, resolve } from 'node:path';
import type { Config } from '@backstage/config';

/**
 * The embedded default's local fleet repository (`stalwart.gitops.localRepository`, which the
 * scaffolder module commits proposals into), resolved as that module resolves it, so the status
 * can tell a proposal on a branch from a merged one.
 */
export function readLocalFleetRepository(
  config: Config,
  rootDir: string,
): { repoDir: string; defaultBranch: string } {
  const gitops = config.getOptionalConfig('stalwart.gitops');
  const configured =
    gitops?.getOptionalString('localRepository') ?? '.data/fleet-repo';
  return {
    repoDir: isAbsolute(configured) ? configured : resolve(rootDir, configured),
    defaultBranch: gitops?.getOptionalString('localDefaultBranch') ?? 'main',
  };
}
