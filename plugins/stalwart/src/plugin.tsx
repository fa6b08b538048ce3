import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The Stalwart frontend plugin (new frontend system).
 *
 * @public
 */
export const stalwartPlugin = createFrontendPlugin({
  pluginId: 'stalwart',
  extensions: [],
  routes: {
    root: rootRouteRef,
  },
});
