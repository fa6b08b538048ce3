import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DriftService } from '../services/DriftService/types';
import type { RateLimiter } from '../services/RemediationService/RateLimiter';
import type { RemediationService } from '../services/RemediationService/types';
import { authorizeEntity } from './authorizeEntity';
import { entityRefFromParams } from './entityRefParams';
import { guardWrite } from './guardWrite';
import { parseInput } from './parseInput';

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
  permissions: PermissionsService;
  drift: DriftService;
  remediation: RemediationService;
  rateLimiter: RateLimiter;
  maxBodyBytes: number;
}): express.Router {
  const { httpAuth, permissions, drift, remediation, rateLimiter } = options;
  const router = Router();

  router.get('/v1/entities/:namespace/:kind/:name/drift', async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    const query = parseInput(driftQuery, req.query, 'query');
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
    const reading = await drift.read({
      entityRef,
      credentials,
      cluster: query.cluster,
    });
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
      const credentials = await guardWrite({
        httpAuth,
        permissions,
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
          entityRef,
          credentials,
          request: req,
          ...body,
        }),
      );
    },
  );

  return router;
}
