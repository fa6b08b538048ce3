import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  GITOPS_ACTIONS,
  GitOpsAction,
  stalwartGitOpsReconcilePermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { GitOpsActionService } from '../services/GitOpsActions/types';
import type { InstanceResolver } from '../services/InstanceResolver/types';
import type { RateLimiter } from '../services/RemediationService/RateLimiter';
import { entityRefFromParams } from './entityRefParams';
import { guardWrite } from './guardWrite';
import { parseInput } from './parseInput';

const actionParam = z.enum(GITOPS_ACTIONS as [GitOpsAction, ...GitOpsAction[]]);
const actionBody = z
  .object({
    dryRun: z.boolean(),
    cluster: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,253}$/)
      .optional(),
  })
  .strict();

/** `POST /v1/entities/:namespace/:kind/:name/gitops/{reconcile,suspend,resume,sync}`. */
export function createGitOpsRoutes(options: {
  httpAuth: HttpAuthService;
  resolver: InstanceResolver;
  gitops: GitOpsActionService;
  rateLimiter: RateLimiter;
  maxBodyBytes: number;
}): express.Router {
  const { httpAuth, resolver, gitops } = options;
  const router = Router();

  router.post(
    '/v1/entities/:namespace/:kind/:name/gitops/:action',
    express.json({ limit: options.maxBodyBytes }),
    async (req, res) => {
      const entityRef = entityRefFromParams({
        namespace: req.params.namespace,
        kind: req.params.kind,
        name: req.params.name,
      });
      const auditRefusal = (error: Error) =>
        gitops.auditRefusal({
          entityRef,
          action: req.params.action,
          request: req,
          error,
        });
      const { instance, credentials } = await guardWrite({
        httpAuth,
        resolver,
        request: req,
        permission: stalwartGitOpsReconcilePermission,
        entityRef,
        deniedMessage: `You may not act on the GitOps release of ${entityRef}`,
        rateLimiter: options.rateLimiter,
        response: res,
        auditRefusal,
      });
      let action: GitOpsAction;
      let body: z.infer<typeof actionBody>;
      try {
        action = parseInput(actionParam, req.params.action, 'action');
        body = parseInput(actionBody, req.body, 'body');
      } catch (error) {
        await auditRefusal(error as Error);
        throw error;
      }
      res.json(
        await gitops.run({
          instance,
          credentials,
          action,
          request: req,
          ...body,
        }),
      );
    },
  );

  return router;
}
