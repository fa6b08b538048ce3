import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { createAdoptionRoutes } from './routes/adoptionRoutes';
import { createDriftRoutes } from './routes/driftRoutes';
import type { AdoptionService } from './services/AdoptionService/createAdoptionService';
import { createGitOpsRoutes } from './routes/gitopsRoutes';
import { createProposalRoutes } from './routes/proposalRoutes';
import { createStatusRoutes } from './routes/statusRoutes';
import type { InstanceResolver } from './services/InstanceResolver/types';
import type { DriftService } from './services/DriftService/types';
import type { GitOpsActionService } from './services/GitOpsActions/types';
import type { ProposalMergeService } from './services/ProposalMerge/createProposalMergeService';
import type { RateLimiter } from './services/RemediationService/RateLimiter';
import type { RemediationService } from './services/RemediationService/types';
import type { StatusService } from './services/StatusService/types';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  resolver: InstanceResolver;
  statusService: StatusService;
  driftService: DriftService;
  remediationService: RemediationService;
  adoptionService: AdoptionService;
  rateLimiter: RateLimiter;
  gitopsActions: GitOpsActionService;
  gitopsRateLimiter: RateLimiter;
  proposals: ProposalMergeService;
  /** The JSON body limit of the write routes; no other route takes a body. */
  maxBodyBytes: number;
}): Promise<express.Router> {
  const { httpAuth, resolver, statusService } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.use(createStatusRoutes({ httpAuth, resolver, statusService }));

  router.use(
    createDriftRoutes({
      httpAuth,
      resolver,
      drift: options.driftService,
      remediation: options.remediationService,
      rateLimiter: options.rateLimiter,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );

  router.use(
    createGitOpsRoutes({
      httpAuth,
      resolver,
      gitops: options.gitopsActions,
      rateLimiter: options.gitopsRateLimiter,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );

  router.use(
    createAdoptionRoutes({
      httpAuth,
      resolver,
      adoption: options.adoptionService,
      rateLimiter: options.rateLimiter,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );

  router.use(
    createProposalRoutes({
      httpAuth,
      resolver,
      proposals: options.proposals,
      rateLimiter: options.gitopsRateLimiter,
      maxBodyBytes: options.maxBodyBytes,
    }),
  );

  return router;
}
