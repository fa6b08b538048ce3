import type { Config } from '@backstage/config';
import path from 'node:path';

/** Where the drift engines may read declared state, read once at startup. */
export interface StalwartDriftConfig {
  /**
   * Absolute directories under which a v0.16 settings plan may be read from disk, for entities
   * the catalog registered from a `file` location there; empty by default.
   */
  planDirectories: string[];
}

/** Reads `stalwart.drift`; relative directories resolve against `cwd`, as file locations do. */
export function readStalwartDriftConfig(
  config: Config,
  cwd: string = process.cwd(),
): StalwartDriftConfig {
  const directories =
    config.getOptionalStringArray('stalwart.drift.planDirectories') ?? [];
  return {
    planDirectories: directories.map(directory => {
      if (directory.trim() === '')
        throw new Error('stalwart.drift.planDirectories has an empty entry');
      return path.resolve(cwd, directory);
    }),
  };
}
