import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DriftService } from '../services/DriftService/types';
import type { InstanceResolver } from '../services/InstanceResolver/types';
import type { RateLimiter } from '../services/RemediationService/RateLimiter';
import type { RemediationService } from '../services/RemediationService/types';
import { entityRefFromParams } from './entityRefParams';
import { guardWrite } from './guardWrite';
import { parseInput } from './parseInput';
import { readInstance } from './readInstance';

const CLUSTER = z.string().regex(/^[A-Za-z0-9._-]{1,253}$/);

const driftQuery = z
  .object({
    includeHidden: z.enum(['true', 'false']).optional(),
    cluster: CLUSTER.optional(),
  })
  .strict();

const remediationBody = z
  .object({
    action: z.enum(['reset-to-git', 'restart-stale-pods']),
    // Item ids are v0.15 keys or v0.16 `x:<Type>/<natural key>[/field]` subjects.
    itemIds: z.array(z.string().min(1).max(512)).max(500),
    dryRun: z.boolean(),
    cluster: CLUSTER.optional(),
  })
  .strict();

/** `GET …/drift` (stalwart.settings.read) and `POST …/drift/remediations` (stalwart.settings.reset). */
export function createDriftRoutes(options: {
  httpAuth: HttpAuthService;
  resolver: InstanceResolver;
  drift: DriftService;
  remediation: RemediationService;
  rateLimiter: RateLimiter;
  maxBodyBytes: number;
}): express.Router {
  const { httpAuth, resolver, drift, remediation, rateLimiter } = options;
  const router = Router();

  router.get('/v1/entities/:namespace/:kind/:name/drift', async (req, res) => {
    const query = parseInput(driftQuery, req.query, 'query');
    const { instance } = await readInstance({
      httpAuth,
      resolver,
      request: req,
      permission: stalwartSettingsReadPermission,
      deniedMessage: ref => `You may not read the settings of ${ref}`,
    });
    const reading = await drift.read({ instance, cluster: query.cluster });
    res.json(
      drift.toResponse(reading, {
        includeHidden: query.includeHidden === 'true',
      }),
    );
  });

  router.post(
    '/v1/entities/:namespace/:kind/:name/drift/remediations',
    express.json({ limit: options.maxBodyBytes }),
    async (req, res) => {
      const entityRef = entityRefFromParams(req.params);
      const { instance, credentials } = await guardWrite({
        httpAuth,
        resolver,
        request: req,
        permission: stalwartSettingsResetPermission,
        entityRef,
        deniedMessage: `You may not reset the settings of ${entityRef}`,
        rateLimiter,
        response: res,
        auditRefusal: error =>
          remediation.auditRefusal({ entityRef, request: req, error }),
      });
      const body = parseInput(remediationBody, req.body, 'body');
      res.json(
        await remediation.remediate({
          instance,
          credentials,
          request: req,
          ...body,
        }),
      );
    },
  );

  return router;
}
