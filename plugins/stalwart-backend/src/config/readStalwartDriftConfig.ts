import type { Config } from '@backstage/config';
import path from 'node:path';

/** Where a v0.16 instance's settings plan is read from. */
export type PlanSource = 'catalog' | 'localRepository';

/** Where the drift engines may read declared state, read once at startup. */
export interface StalwartDriftConfig {
  /**
   * `catalog` (default): beside the entity's catalog file. `localRepository`: from the
   * instance's folder on the default branch of `stalwart.gitops.localRepository`, the branch
   * the GitOps controllers deploy and adoptions are merged into.
   */
  planSource: PlanSource;
  /**
   * Absolute directories under which a v0.16 settings plan may be read from disk, for entities
   * the catalog registered from a `file` location there; empty by default.
   */
  planDirectories: string[];
}

const PLAN_SOURCES: readonly PlanSource[] = ['catalog', 'localRepository'];

/** Reads `stalwart.drift`; relative directories resolve against `cwd`, as file locations do. */
export function readStalwartDriftConfig(
  config: Config,
  cwd: string = process.cwd(),
): StalwartDriftConfig {
  const directories =
    config.getOptionalStringArray('stalwart.drift.planDirectories') ?? [];
  const planSource =
    config.getOptionalString('stalwart.drift.planSource') ?? 'catalog';
  if (!PLAN_SOURCES.includes(planSource as PlanSource))
    throw new Error(
      `stalwart.drift.planSource must be one of ${PLAN_SOURCES.join(
        ', ',
      )}, not "${planSource}"`,
    );
  return {
    planSource: planSource as PlanSource,
    planDirectories: directories.map(directory => {
      if (directory.trim() === '')
        throw new Error('stalwart.drift.planDirectories has an empty entry');
      return path.resolve(cwd, directory);
    }),
  };
}
