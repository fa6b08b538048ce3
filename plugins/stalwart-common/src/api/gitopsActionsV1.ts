/**
 * What `POST /v1/entities/:namespace/:kind/:name/gitops/:action` asks for: `reconcile` is Flux's
 * "reconcile now" and Argo CD's "refresh"; `suspend` and `resume` are Flux's; `sync` is Argo CD's.
 *
 * @public
 */
export type GitOpsAction = 'reconcile' | 'suspend' | 'resume' | 'sync';

/** @public */
export const GITOPS_ACTIONS: readonly GitOpsAction[] = [
  'reconcile',
  'suspend',
  'resume',
  'sync',
];

/**
 * A Kubernetes object a GitOps action writes to.
 *
 * @public
 */
export interface GitOpsObjectRefV1 {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

/**
 * One JSON merge patch of the plan, exactly as it is sent to the API server. Each carries the
 * `resourceVersion` it was planned against, so a concurrent change makes the write fail (409)
 * instead of acting on a state nobody previewed.
 *
 * @public
 */
export interface GitOpsPatchV1 {
  target: GitOpsObjectRefV1;
  contentType: 'application/merge-patch+json';
  body: Record<string, unknown>;
  description: string;
}

/**
 * The dry-run preview: what would be written, in order.
 *
 * @public
 */
export interface GitOpsActionPlanV1 {
  action: GitOpsAction;
  tool: 'flux' | 'argocd';
  /** The HelmRelease or Application that owns the release. */
  owner: GitOpsObjectRefV1;
  patches: GitOpsPatchV1[];
  /** The `reconcile.fluxcd.io/requestedAt` value a Flux reconcile sends, to match in the result. */
  requestedAt?: string;
}

/**
 * How the controller answered, read back from the owner after the write.
 *
 * @public
 */
export interface GitOpsObservedStateV1 {
  /** True once the controller has acted on the request (or the change needs no controller). */
  handled: boolean;
  suspended?: boolean;
  /** Flux: the last `requestedAt` the controller handled. */
  lastHandledReconcileAt?: string;
  /** Argo CD: when the controller last compared the Application with git. */
  reconciledAt?: string;
  /** Argo CD: the state of the last (or running) sync operation. */
  operationState?: {
    phase: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
    revision?: string;
  };
}

/**
 * The answer of a GitOps action: the plan, and for an executed one what the controller did.
 *
 * @public
 */
export interface GitOpsActionResultV1 extends GitOpsActionPlanV1 {
  apiVersion: 'v1';
  entityRef: string;
  cluster: string;
  dryRun: boolean;
  /** Present when the plan was executed. */
  observed?: GitOpsObservedStateV1;
}
