import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { stalwartInstanceReadPermission } from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { createAdoptionRoutes } from './routes/adoptionRoutes';
import { createDriftRoutes } from './routes/driftRoutes';
import type { AdoptionService } from './services/AdoptionService/createAdoptionService';
import { entityRefFromParams } from './routes/entityRefParams';
import { createGitOpsRoutes } from './routes/gitopsRoutes';
import type { EntityAccessService } from './services/EntityAccess/types';
import type { DriftService } from './services/DriftService/types';
import type { GitOpsActionService } from './services/GitOpsActions/types';
import type { RateLimiter } from './services/RemediationService/RateLimiter';
import type { RemediationService } from './services/RemediationService/types';
import type { StatusService } from './services/StatusService/types';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  statusService: StatusService;
  entityAccess: EntityAccessService;
  driftService: DriftService;
  remediationService: RemediationService;
  adoptionService: AdoptionService;
  rateLimiter: RateLimiter;
  gitopsActions: GitOpsActionService;
  gitopsRateLimiter: RateLimiter;
  /** The JSON body limit of the write routes; no other route takes a body. */
  maxBodyBytes: number;
}): Promise<express.Router> {
  const { httpAuth, permissions, statusService, entityAccess } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/entities/:namespace/:kind/:name/status', async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const access = await entityAccess.read({
      credentials,
      permission: stalwartInstanceReadPermission,
      entityRef,
    });
    if (!access.allowed) {
      throw new NotAllowedError(`You may not read the status of ${entityRef}`);
    }
    if (!access.entity)
      throw new NotFoundError(`No catalog entity ${entityRef}`);
    res.json(
      await statusService.getStatus({ entityRef, entity: access.entity }),
    );
  });

  router.use(
    createDriftRoutes({
      httpAuth,
      permissions,
      drift: options.driftService,
      remediation: options.remediationService,
      rateLimiter: options.rateLimiter,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );

  router.use(
    createGitOpsRoutes({
      httpAuth,
      permissions,
      gitops: options.gitopsActions,
      rateLimiter: options.gitopsRateLimiter,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );

  router.use(
    createAdoptionRoutes({
      httpAuth,
      permissions,
      adoption: options.adoptionService,
      rateLimiter: options.rateLimiter,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );

  return router;
}
