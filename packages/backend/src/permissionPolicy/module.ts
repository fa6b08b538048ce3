import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { StalwartOwnersPolicy } from './StalwartOwnersPolicy';

/**
 * Installs the permission policy that `permission.policy` names: `stalwart-owners`
 * (app-config.production.yaml) or, when unset, allow-all for the embedded demo, whose guest
 * owns nothing.
 */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'stalwart-example-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const name = config.getOptionalString('permission.policy');
        if (name === 'stalwart-owners') {
          policy.setPolicy(new StalwartOwnersPolicy());
        } else if (name === undefined || name === 'allow-all') {
          policy.setPolicy({
            handle: async () => ({ result: AuthorizeResult.ALLOW }),
          });
        } else {
          throw new Error(
            `permission.policy must be 'stalwart-owners' or 'allow-all', got '${name}'`,
          );
        }
      },
    });
  },
});
