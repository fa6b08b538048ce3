/*
 * The example backend. Its list of `backend.add(import(...))` calls doubles as the
 * install guide: a Backstage backend needs exactly the Stalwart lines below.
 */
import { createBackend } from '@backstage/backend-defaults';
import permissionPolicyModule from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for the embedded default
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// signals: live updates for the app's user settings
backend.add(import('@backstage/plugin-signals-backend'));

// notifications: what Stalwart tells instance owners (certificates, critical, failed reconcile)
backend.add(import('@backstage/plugin-notifications-backend'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permissions: `permission.policy` picks allow-all (demo) or stalwart-owners (production)
backend.add(import('@backstage/plugin-permission-backend'));
// A static import: a dynamic import() of a folder fails in the compiled backend's ES module resolver.
backend.add(permissionPolicyModule);

// scaffolder, with the publish actions the Stalwart template offers in production
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));

// the core Kubernetes plugin, which reads the same cluster config as Stalwart's
backend.add(import('@backstage/plugin-kubernetes-backend'));

backend.add(import('@stalwart-backstage/plugin-stalwart-backend'));
// AI agents: Stalwart's actions as MCP tools (backend.actions.pluginSources in app-config.yaml)
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.add(
  import('@stalwart-backstage/plugin-scaffolder-backend-module-stalwart'),
);
backend.start();
