export interface Config {
  stalwart?: {
    /** How the Stalwart frontend plugin behaves in the browser. */
    frontend?: {
      /**
       * How often an open instance page or card re-reads the instance status and drift, e.g.
       * `{ seconds: 30 }` or `'30s'`. Default 30 seconds; the `api:stalwart/query-cache`
       * extension's `refreshInterval` config overrides it.
       * @visibility frontend
       */
      refreshInterval?:
        | string
        | {
            // Each unit is marked on its own: the config loader filters the browser's config
            // per value, and a HumanDuration's units would reach it as `{}`.
            /** @visibility frontend */
            milliseconds?: number;
            /** @visibility frontend */
            seconds?: number;
            /** @visibility frontend */
            minutes?: number;
            /** @visibility frontend */
            hours?: number;
          };
      /**
       * Where the empty states point for setting up an instance (annotations, clusters), e.g.
       * the plugin README in your Backstage repository. Default: Backstage's annotation docs.
       * @visibility frontend
       */
      docsUrl?: string;
    };
  };
}
