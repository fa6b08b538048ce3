import nodeFs from 'node:fs';

/**
 * The filesystem a fleet repository is read and written through: node's own, or (in tests) a
 * wrapper of it that fails the way a real disk does. isomorphic-git takes its `promises`.
 *
 * @public
 */
export interface FleetFs {
  promises: typeof nodeFs.promises;
}

export const nodeFleetFs: FleetFs = nodeFs;
