import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * The Stalwart backend reads its clusters from the `config`, `localKubectlProxy`, `catalog`
   * and `gke` entries of `kubernetes.clusterLocatorMethods` (the core Kubernetes plugin declares
   * those keys); this block tunes how it watches them.
   */
  stalwart?: {
    clusters?: {
      /**
       * How often the `catalog` and `gke` cluster locators are read again, so clusters added
       * or removed there are watched or unwatched without a restart. Default 1 minute.
       * @visibility backend
       */
      refreshInterval?: HumanDuration | string;
    };
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
       * Watches nobody read from for this long are stopped. Default 30 minutes.
       * @visibility backend
       */
      idleTimeout?: HumanDuration | string;
      /**
       * Namespaces holding Argo CD Applications, watched next to the instance namespace.
       * Default `[argocd]`.
       * @visibility backend
       */
      argoCdNamespaces?: string[];
      /**
       * `cluster` (default): one watch per cluster and kind across all namespaces; the service
       * account needs a ClusterRole. `namespace`: one watch per cluster, kind and namespace
       * read, for clusters where only namespaced Roles can be granted.
       * @visibility backend
       */
      watchScope?: 'cluster' | 'namespace';
      /**
       * How long the status route reuses a signed-in user's permission decision and catalog
       * entity for one instance, instead of asking the permission and catalog backends again
       * (each answer is still obtained as that user, and kept for that user only). Revoking
       * access, or changing or deleting the entity, shows in the status route after this
       * long at most. `0` turns the cache off. Default 10 seconds.
       * @visibility backend
       */
      accessCacheTtl?: HumanDuration | string;
      /**
       * Most (user, permission, entity) answers kept at once, least recently used dropped
       * first. Default 10000.
       * @visibility backend
       */
      accessCacheMaxEntries?: number;
    };
    /**
     * How the backend reaches each Stalwart pod: a pods/portforward WebSocket per connection,
     * through the cluster's API server with the cluster credentials above.
     */
    connection?: {
      /**
       * Timeout of each request to Stalwart, opening the port-forward included. Default 10 seconds.
       * @visibility backend
       */
      requestTimeout?: HumanDuration | string;
      /**
       * Retries after a 429 (waiting for its Retry-After), and after a 5xx, timeout or broken
       * stream of a read. Default 2.
       * @visibility backend
       */
      maxRetries?: number;
      /**
       * A Retry-After longer than this fails at once with `rate-limited`. Default 30 seconds.
       * @visibility backend
       */
      maxRetryAfter?: HumanDuration | string;
      /**
       * Open port-forwards of a pod unused for this long are closed. Default 60 seconds.
       * @visibility backend
       */
      idleTimeout?: HumanDuration | string;
      /**
       * Port-forwards open at once per pod. Default 2.
       * @visibility backend
       */
      maxConnectionsPerPod?: number;
      /**
       * How long credentials read from a Secret are reused before being read again (a 401 from
       * Stalwart forgets them at once). Default 5 minutes.
       * @visibility backend
       */
      credentialsCacheTtl?: HumanDuration | string;
    };
    /**
     * Where settings drift reads what git declares.
     */
    drift?: {
      /**
       * Directories (relative to the backend's working directory, like `catalog.locations`
       * file targets) under which the v0.16 settings plan beside a catalog file registered from
       * a `file` location is read from disk. None by default: such entities report the plan
       * unavailable, and plans are read through the UrlReader beside `url` locations.
       * @visibility backend
       */
      planDirectories?: string[];
      /**
       * Where a v0.16 instance's settings plan is read: `catalog` (default) beside its catalog
       * file, as above; `localRepository` from its folder (`stalwart.io/gitops-path`) on the
       * default branch of `stalwart.gitops.localRepository`, the branch the GitOps controllers
       * deploy and adoptions are merged into (the embedded demo).
       * @visibility backend
       */
      planSource?: 'catalog' | 'localRepository';
    };
    /**
     * The GitOps action routes (`POST /v1/entities/:namespace/:kind/:name/gitops/:action`) and
     * the `reconcile-instance` AI-agent action. Their rate limit and body size are those of
     * `remediation`, counted separately.
     */
    gitops?: {
      /**
       * The namespaces the Argo CD controller reconciles Applications in: its own namespace and
       * those of its `application.namespaces` setting. Actions on an Application elsewhere are
       * refused, since the controller would never act on them. Default `['argocd']`.
       * @visibility backend
       */
      argoCdWatchedNamespaces?: string[];
      /**
       * How long an executed action waits for the controller to handle it before answering
       * (at most 1 minute). Default 5 seconds.
       * @visibility backend
       */
      resultWait?: HumanDuration | string;
    };
    /**
     * Notifications to each instance's owner (through the notifications plugin): certificate
     * expiring or not ready, instance critical, GitOps reconcile failed, settings drifted; each sent once per
     * condition, by one backend of the cluster.
     */
    notifications?: {
      /**
       * Default true. False leaves the fleet unchecked: nothing is sent, and nothing reads the
       * fleet's statuses in the background (a benchmark measuring a cold watch cache sets it).
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Days before a certificate expires at which its owner is told. Default `[14, 3]`.
       * @visibility backend
       */
      certificateExpiryDays?: number[];
      /**
       * How often the fleet is checked. Default 5 minutes.
       * @visibility backend
       */
      frequency?: HumanDuration | string;
      /**
       * Settings drift notifications: the owner is told of each setting that drifted from git,
       * once until that setting changes again. Each pass reads Stalwart itself (port-forwards
       * to the pods), so only instances whose status shows live data and a ready pod are read,
       * at most `maxInstancesPerRun` per pass.
       */
      drift?: {
        /**
         * Default false.
         * @visibility backend
         */
        enabled?: boolean;
        /**
         * Instances whose drift one pass reads at most; the next pass goes on where this one
         * stopped. Default 10.
         * @visibility backend
         */
        maxInstancesPerRun?: number;
      };
    };
    /**
     * Limits of `POST /v1/entities/:namespace/:kind/:name/drift/remediations`.
     */
    remediation?: {
      /**
       * A token bucket per user, in memory per backend instance: `requests` remediation calls
       * (dry runs included) at once, refilled evenly over `window`. Default 10 per minute.
       * @visibility backend
       */
      rateLimit?: {
        /** @visibility backend */
        requests?: number;
        /** @visibility backend */
        window?: HumanDuration | string;
      };
      /**
       * The largest JSON body accepted, e.g. `16kb` (256 b to 1 mb). Default `16kb`.
       * @visibility backend
       */
      maxBodySize?: string | number;
    };
    /**
     * Which Kubernetes Secret holds the credentials the backend sends to Stalwart. The Secret is
     * read in the instance's cluster with the cluster credentials and kept in memory only.
     * Order: an `instances` entry, then the entity's `stalwart.io/credentials-secret`
     * annotation (a Secret in the instance namespace), then `default`.
     */
    credentials?: {
      /** @visibility backend */
      default?: {
        /**
         * @visibility backend
         */
        secretName: string;
        /**
         * Default: the instance's namespace.
         * @visibility backend
         */
        secretNamespace?: string;
        /**
         * The data key. Default `apiKey`.
         * @visibility backend
         */
        key?: string;
        /**
         * `apiKey`: the value is sent as `Bearer <value>` (`api_…` on v0.15, `API_…` on v0.16);
         * `basic`: the value is `user:secret`, sent as Basic. Default `apiKey`.
         * @visibility backend
         */
        type?: 'apiKey' | 'basic';
      };
      /** @visibility backend */
      instances?: Array<{
        /**
         * Default: every cluster.
         * @visibility backend
         */
        cluster?: string;
        /** @visibility backend */
        namespace: string;
        /** @visibility backend */
        release: string;
        /** @visibility backend */
        secretName: string;
        /** @visibility backend */
        secretNamespace?: string;
        /** @visibility backend */
        key?: string;
        /** @visibility backend */
        type?: 'apiKey' | 'basic';
      }>;
    };
  };
}
