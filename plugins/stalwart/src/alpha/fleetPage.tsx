import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { RiMailLine } from '@remixicon/react';
import { rootRouteRef } from '../routes';

/**
 * `page:stalwart`: every instance in the catalog, at `/stalwart`, in the nav as "Mail servers".
 *
 * @alpha
 */
export const stalwartFleetPage = PageBlueprint.make({
  params: {
    path: '/stalwart',
    title: 'Mail servers',
    icon: <RiMailLine size="1em" aria-hidden />,
    routeRef: rootRouteRef,
    loader: () =>
      import('../components/FleetPage/FleetPage').then(m => (
        <m.FleetPageContent />
      )),
  },
});
