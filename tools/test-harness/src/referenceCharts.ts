import fs from 'node:fs';
import { REFERENCE_CHARTS } from './demoPaths';

/**
 * Whether the real charts (shared/reference/charts) are beside the checkout; when not, prints
 * the NOTICE that says which test is skipped, as tests reading reference data must.
 */
export function haveReferenceCharts(skipped: string): boolean {
  if (fs.existsSync(REFERENCE_CHARTS)) return true;
  // eslint-disable-next-line no-console
  console.warn(`NOTICE: ${REFERENCE_CHARTS} is absent; skipping ${skipped}`);
  return false;
}
