import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  stalwartSettingsAdoptPermission,
  stalwartSettingsReadPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { AdoptionService } from '../services/AdoptionService/createAdoptionService';
import type { InstanceResolver } from '../services/InstanceResolver/types';
import type { RateLimiter } from '../services/RemediationService/RateLimiter';
import { parseInput } from './parseInput';
import { entityRefFromParams } from './entityRefParams';
import { guardWrite } from './guardWrite';
import { readInstance } from './readInstance';

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
  resolver: InstanceResolver;
  adoption: AdoptionService;
  rateLimiter: RateLimiter;
  maxBodyBytes: number;
}): express.Router {
  const { httpAuth, resolver, adoption, rateLimiter } = options;
  const router = Router();

  router.get(
    '/v1/entities/:namespace/:kind/:name/drift/adoptions',
    async (req, res) => {
      const { instance, credentials } = await readInstance({
        httpAuth,
        resolver,
        request: req,
        permission: stalwartSettingsReadPermission,
        deniedMessage: ref => `You may not read the settings of ${ref}`,
      });
      res.json({
        proposals: await adoption.proposed(instance, credentials),
      });
    },
  );

  router.post(
    '/v1/entities/:namespace/:kind/:name/drift/adoptions',
    express.json({ limit: options.maxBodyBytes }),
    async (req, res) => {
      const entityRef = entityRefFromParams(req.params);
      const { instance, credentials } = await guardWrite({
        httpAuth,
        resolver,
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
        await adoption.adopt({ instance, credentials, request: req, ...body }),
      );
    },
  );
  return router;
}
