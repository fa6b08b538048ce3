import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stalwartProposalMergePermission } from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { InstanceResolver } from '../services/InstanceResolver/types';
import type { ProposalMergeService } from '../services/ProposalMerge/createProposalMergeService';
import type { RateLimiter } from '../services/RemediationService/RateLimiter';
import { entityRefFromParams } from './entityRefParams';
import { guardWrite } from './guardWrite';
import { parseInput } from './parseInput';

const commitSha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);
const mergeBody = z
  .object({
    dryRun: z.boolean(),
    expectedBaseSha: commitSha.optional(),
    expectedHeadSha: commitSha.optional(),
  })
  .strict();

/** `POST /v1/entities/:namespace/:kind/:name/proposal/merge` (stalwart.proposal.merge). */
export function createProposalRoutes(options: {
  httpAuth: HttpAuthService;
  resolver: InstanceResolver;
  proposals: ProposalMergeService;
  rateLimiter: RateLimiter;
  maxBodyBytes: number;
}): express.Router {
  const { httpAuth, resolver, proposals, rateLimiter } = options;
  const router = Router();

  router.post(
    '/v1/entities/:namespace/:kind/:name/proposal/merge',
    express.json({ limit: options.maxBodyBytes }),
    async (req, res) => {
      const entityRef = entityRefFromParams(req.params);
      const auditRefusal = (error: Error) =>
        proposals.auditRefusal(entityRef, req, error);
      const { instance, credentials } = await guardWrite({
        httpAuth,
        resolver,
        request: req,
        rateLimiter,
        response: res,
        entityRef,
        permission: stalwartProposalMergePermission,
        deniedMessage: `You may not merge the proposal of ${entityRef}`,
        auditRefusal,
      });
      let body: z.infer<typeof mergeBody>;
      try {
        body = parseInput(mergeBody, req.body, 'body');
      } catch (error) {
        await auditRefusal(error as Error);
        throw error;
      }
      res.json(
        await proposals.merge({ instance, credentials, request: req, ...body }),
      );
    },
  );

  return router;
}
