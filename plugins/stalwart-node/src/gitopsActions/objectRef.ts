import type { GitOpsObjectRefV1 } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * The part of a Kubernetes object a GitOps plan reads.
 *
 * @public
 */
export interface GitOpsObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    annotations?: Record<string, string>;
  };
}

export const objectRefOf = (object: GitOpsObject): GitOpsObjectRefV1 => ({
  apiVersion: object.apiVersion ?? '',
  kind: object.kind ?? '',
  namespace: object.metadata?.namespace ?? '',
  name: object.metadata?.name ?? '',
});
