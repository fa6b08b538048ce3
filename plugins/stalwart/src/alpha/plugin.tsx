import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { RiMailLine } from '@remixicon/react';
import { rootRouteRef } from '../routes';
import { stalwartClientApi, stalwartQueryCacheApi } from './apis';
import {
  stalwartCertificateCard,
  stalwartMailServerContent,
  stalwartVerdictCard,
} from './entityExtensions';
import { stalwartFleetPage } from './fleetPage';
import { stalwartSpecPreviewFormField } from './formFields';

/**
 * The Stalwart frontend plugin for the new frontend system.
 *
 * @alpha
 */
export const stalwartPlugin = createFrontendPlugin({
  pluginId: 'stalwart',
  title: 'Mail servers',
  icon: <RiMailLine size="1em" aria-hidden />,
  extensions: [
    stalwartClientApi,
    stalwartQueryCacheApi,
    stalwartMailServerContent,
    stalwartVerdictCard,
    stalwartCertificateCard,
    stalwartFleetPage,
    stalwartSpecPreviewFormField,
  ],
  routes: {
    root: rootRouteRef,
  },
});
