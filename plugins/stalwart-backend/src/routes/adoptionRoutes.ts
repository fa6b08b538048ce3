import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stalwartSettingsAdoptPermission,
  stalwartSettingsReadPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { AdoptionService } from '../services/AdoptionService/createAdoptionService';
import type { RateLimiter } from '../services/RemediationService/RateLimiter';
import { authorizeEntity } from './authorizeEntity';
import { parseInput } from './parseInput';
import { entityRefFromParams } from './entityRefParams';
import { guardWrite } from './guardWrite';

const adoptionBody = z
  .object({
    itemIds: z.array(z.string().min(1).max(512)).min(1).max(500),
    dryRun: z.boolean(),
    // The live values the dry run showed: the apply is refused when one changed since.
    expectedLive: z
      .record(z.string().max(512), z.string().max(65536).nullable())
      .optional(),
  })
  .strict();

/** `POST …/drift/adoptions` (stalwart.settings.adopt) and `GET` of the open proposals. */
export function createAdoptionRoutes(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  adoption: AdoptionService;
  rateLimiter: RateLimiter;
  maxBodyBytes: number;
}): express.Router {
  const { httpAuth, permissions, adoption, rateLimiter } = options;
  const router = Router();

  router.get(
    '/v1/entities/:namespace/:kind/:name/drift/adoptions',
    async (req, res) => {
      const entityRef = entityRefFromParams(req.params);
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await authorizeEntity({
        permissions,
        credentials,
        permission: stalwartSettingsReadPermission,
        entityRef,
        deniedMessage: `You may not read the settings of ${entityRef}`,
      });
      res.json({ proposals: await adoption.proposed(entityRef, credentials) });
    },
  );

  router.post(
    '/v1/entities/:namespace/:kind/:name/drift/adoptions',
    express.json({ limit: options.maxBodyBytes }),
    async (req, res) => {
      const entityRef = entityRefFromParams(req.params);
      const credentials = await guardWrite({
        httpAuth,
        permissions,
        request: req,
        rateLimiter,
        response: res,
        entityRef,
        permission: stalwartSettingsAdoptPermission,
        deniedMessage: `You may not adopt the settings of ${entityRef} into git`,
        auditRefusal: error => adoption.auditRefusal(entityRef, req, error),
      });
      const body = parseInput(adoptionBody, req.body, 'body');
      res.json(
        await adoption.adopt({ entityRef, credentials, request: req, ...body }),
      );
    },
  );
  return router;
}
