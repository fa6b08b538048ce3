import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stalwartInstanceReadPermission } from '@stalwart-backstage/plugin-stalwart-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { StatusService } from './services/StatusService/types';

const entityParams = z.object({
  namespace: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
  kind: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,62}$/),
  name: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
});

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  statusService: StatusService;
}): Promise<express.Router> {
  const { httpAuth, permissions, statusService } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/entities/:namespace/:kind/:name/status', async (req, res) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        `Invalid entity reference: ${parsed.error.issues
          .map(i => `${i.path.join('.')} ${i.message}`)
          .join(', ')}`,
      );
    }
    const entityRef = stringifyEntityRef(parsed.data).toLocaleLowerCase(
      'en-US',
    );
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: stalwartInstanceReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not read the status of ${entityRef}`);
    }
    res.json(await statusService.getStatus({ entityRef, credentials }));
  });

  return router;
}
