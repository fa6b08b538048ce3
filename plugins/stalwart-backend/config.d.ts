import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * The Stalwart backend reads its clusters from `kubernetes.clusterLocatorMethods` entries of
   * type `config` (the core Kubernetes plugin declares those keys); this block tunes how it
   * watches them.
   */
  stalwart?: {
    status?: {
      /**
       * Timeout of each request to a Kubernetes API server. Default 10 seconds.
       * @visibility backend
       */
      requestTimeout?: HumanDuration | string;
      /**
       * How many times a failed list request is retried, with exponential backoff. Default 2.
       * @visibility backend
       */
      maxRetries?: number;
      /**
       * Longest wait between attempts to restart a failed watch. Default 60 seconds.
       * @visibility backend
       */
      maxBackoff?: HumanDuration | string;
      /**
       * How long the first request for a namespace waits for its watches to sync before
       * answering with what it has. Default 5 seconds.
       * @visibility backend
       */
      initialSyncTimeout?: HumanDuration | string;
      /**
       * Watches of a namespace nobody asked about for this long are stopped. Default 30 minutes.
       * @visibility backend
       */
      idleTimeout?: HumanDuration | string;
      /**
       * Namespaces holding Argo CD Applications, watched next to the instance namespace.
       * Default `[argocd]`.
       * @visibility backend
       */
      argoCdNamespaces?: string[];
    };
  };
}
