import type { ResolvedInstance } from '../InstanceResolver/types';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  DriftRemediationAction,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { Request } from 'express';

export interface RemediationRequest {
  instance: ResolvedInstance;
  credentials: BackstageCredentials;
  /** The HTTP request, for the audit event's actor and origin. */
  request: Request;
  action: DriftRemediationAction;
  itemIds: string[];
  dryRun: boolean;
  cluster?: string;
}

export interface RemediationService {
  /**
   * Plans a remediation against a fresh drift read and, unless `dryRun`, runs its calls, audits
   * them and reads the drift again. The caller must have checked `stalwart.settings.reset`.
   */
  remediate(request: RemediationRequest): Promise<RemediationResultV1>;
  /**
   * Audits a remediation request refused before any planning (permission denied, rate limited),
   * so the audit trail also shows who tried to reset what without being allowed to.
   */
  auditRefusal(refusal: {
    entityRef: string;
    request: Request;
    error: Error;
  }): Promise<void>;
}
