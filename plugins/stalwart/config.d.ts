import { HumanDuration } from '@backstage/types';

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
      refreshInterval?: HumanDuration | string;
      /**
       * Where the empty states point for setting up an instance (annotations, clusters), e.g.
       * the plugin README in your Backstage repository. Default: Backstage's annotation docs.
       * @visibility frontend
       */
      docsUrl?: string;
    };
  };
}
