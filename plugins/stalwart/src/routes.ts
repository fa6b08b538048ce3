import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The fleet overview page (`/stalwart` by default). */
export const rootRouteRef = createRouteRef();
