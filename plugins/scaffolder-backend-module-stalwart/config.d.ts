export interface Config {
  stalwart?: {
    gitops?: {
      /**
       * The local git repository the embedded default commits instance proposals into
       * (`stalwart:publish:local`). A relative path is resolved against the repository root
       * (the monorepo root when the backend runs from sources, the working directory of a built
       * backend image). Created with an initial commit on first use. Default `.data/fleet-repo`.
       * @visibility backend
       */
      localRepository?: string;
      /**
       * The branch proposals start from and whose folders count as existing instances.
       * Default `main`.
       * @visibility backend
       */
      localDefaultBranch?: string;
    };
  };
}
