import type { ResolvedInstance } from '../InstanceResolver/types';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  GitOpsAction,
  GitOpsActionResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { Request } from 'express';

export interface GitOpsActionRequest {
  instance: ResolvedInstance;
  credentials: BackstageCredentials;
  action: GitOpsAction;
  dryRun: boolean;
  /** Needed only when the release runs in several clusters. */
  cluster?: string;
  /** The HTTP request, for the audit event's actor and origin; absent for AI-agent actions. */
  request?: Request;
}

export interface GitOpsActionService {
  /**
   * Plans the action against the live HelmRelease or Application and, unless `dryRun`, writes
   * it, audits it and waits briefly for the controller's answer. The caller must have checked
   * `stalwart.gitops.reconcile`.
   */
  run(request: GitOpsActionRequest): Promise<GitOpsActionResultV1>;
  /** Audits a request refused before anything was written (permission, rate limit, bad input). */
  auditRefusal(refusal: {
    entityRef: string;
    action: string;
    request?: Request;
    error: Error;
  }): Promise<void>;
}
