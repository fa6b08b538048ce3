import { PageBlueprint } from '@backstage/frontend-plugin-api';
import MailIcon from '@material-ui/icons/Mail';
import { rootRouteRef } from '../routes';

/** `page:stalwart`: every instance in the catalog, at `/stalwart`, in the nav as "Mail servers". */
export const stalwartFleetPage = PageBlueprint.make({
  params: {
    path: '/stalwart',
    title: 'Mail servers',
    icon: <MailIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('../components/FleetPage/FleetPage').then(m => (
        <m.FleetPageContent />
      )),
  },
});
