import { resolve } from 'node:path';

// Test tooling only ever runs from the monorepo's sources, never from a production build.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../..');

/** The simulator's demo scenario, which `yarn start` serves. */
export const DEMO_SCENARIO = resolve(
  REPO_ROOT,
  'tools/simulator/scenarios/demo',
);

/** The demo's catalog file. */
export const DEMO_ENTITIES = resolve(REPO_ROOT, 'examples/stalwart-demo.yaml');

/** The project's shared folder beside the checkout (…/main/../shared). */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');

/** The real charts beside the checkout (shared/reference/charts), which the simulator renders. */
export const REFERENCE_CHARTS = resolve(SHARED_DIR, 'reference/charts');

/** The demo's fleet folder: the instance specs and the GitOps folders rendered from them. */
export const DEMO_FLEET = resolve(REPO_ROOT, 'examples/demo-fleet');
