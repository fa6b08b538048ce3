import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';

import plugin from '../src';

// The registry has no @backstage/frontend-dev-utils built for frontend system 1.0 (Backstage
// 1.57) yet, so the dev app is the plain createApp that createDevApp wraps.
ReactDOM.createRoot(document.getElementById('root')!).render(
  createApp({ features: [plugin] }).createRoot(),
);
