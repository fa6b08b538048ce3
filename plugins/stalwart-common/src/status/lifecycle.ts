/**
 * Where an instance is on its way from a proposal to running pods.
 *
 * @public
 */
export type LifecyclePhase =
  | 'proposed'
  | 'merged'
  | 'reconciling'
  | 'running'
  | 'failed';

/**
 * The branch (or pull request) an instance was proposed on, and whether it reached the branch
 * Flux or Argo CD follow.
 *
 * @public
 */
export interface ProposalState {
  branch: string;
  state: 'open' | 'merged' | 'deleted';
  /** Where a person can see the proposal (a pull request, a file on the branch). */
  url?: string;
}

/**
 * @public
 */
export interface InstanceLifecycle {
  phase: LifecyclePhase;
  message: string;
  proposal?: ProposalState;
}
