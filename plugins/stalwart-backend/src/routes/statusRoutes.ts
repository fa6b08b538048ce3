import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InstanceStatusBatchItemV1,
  InstanceStatusBatchResponseV1,
  STATUS_BATCH_MAX_ENTITIES,
  stalwartInstanceReadPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { InstanceResolver } from '../services/InstanceResolver/types';
import type { StatusService } from '../services/StatusService/types';
import { parseInput } from './parseInput';
import { readInstance } from './readInstance';

const PER_ENTITY_ERRORS = new Set(['NotAllowedError', 'NotFoundError']);

const deniedMessage = (entityRef: string) =>
  `You may not read the status of ${entityRef}`;

const entityRefSchema = z.string().transform((raw, ctx) => {
  try {
    return stringifyEntityRef(parseEntityRef(raw)).toLocaleLowerCase('en-US');
  } catch {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be an entity reference like component:default/mail, got "${raw}"`,
    });
    return z.NEVER;
  }
});

const batchBody = z.object({
  entityRefs: z.array(entityRefSchema).min(1).max(STATUS_BATCH_MAX_ENTITIES),
});

/** A batch body names at most 100 short refs; this bounds it well above that. */
const BATCH_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The status of one instance, and of many at once: a fleet overview asking for each of
 * thousands of instances separately pays Backstage's fixed cost of a request (verifying the
 * user's token, the middleware, compressing the answer) thousands of times, several times the
 * cost of the status itself. The batch pays it once per 100 instances, and its permission
 * decisions and catalog lookups go out together as well.
 */
export function createStatusRoutes(options: {
  httpAuth: HttpAuthService;
  resolver: InstanceResolver;
  statusService: StatusService;
}): express.Router {
  const { httpAuth, resolver, statusService } = options;
  const router = Router();

  router.get('/v1/entities/:namespace/:kind/:name/status', async (req, res) => {
    const { instance } = await readInstance({
      httpAuth,
      resolver,
      request: req,
      permission: stalwartInstanceReadPermission,
      deniedMessage,
      useAccessCache: true,
    });
    res.json(await statusService.getStatus(instance));
  });

  router.post(
    '/v1/statuses',
    express.json({ limit: BATCH_BODY_LIMIT_BYTES }),
    async (req, res) => {
      const { entityRefs } = parseInput(batchBody, req.body, 'request body');
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const items = await Promise.all(
        entityRefs.map(
          async (entityRef): Promise<InstanceStatusBatchItemV1> => {
            try {
              const instance = await resolver.resolve({
                entityRef,
                credentials,
                permission: stalwartInstanceReadPermission,
                deniedMessage: deniedMessage(entityRef),
                fresh: false,
              });
              return {
                entityRef,
                status: await statusService.getStatus(instance),
              };
            } catch (error) {
              // What the single route answers 403 or 404 for is one entity's answer; anything
              // else (the permission or catalog backend failing) fails the batch, to be retried.
              if (!isError(error) || !PER_ENTITY_ERRORS.has(error.name)) {
                throw error;
              }
              return {
                entityRef,
                error: { name: error.name, message: error.message },
              };
            }
          },
        ),
      );
      const body: InstanceStatusBatchResponseV1 = { items };
      res.json(body);
    },
  );

  return router;
}
