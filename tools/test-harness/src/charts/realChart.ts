import fs from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from './referenceCharts';
import type { ChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';

/**
 * The folder of a flavor's real chart under shared/reference/charts, or undefined with a
 * visible notice when shared/ is absent (a checkout without the project's shared folder).
 */
export function realChartDir(flavor: ChartFlavor): string | undefined {
  const dir = path.join(
    SHARED_DIR,
    'reference',
    'charts',
    flavor.referenceDir,
    'chart',
  );
  if (fs.existsSync(path.join(dir, 'Chart.yaml'))) return dir;
  // eslint-disable-next-line no-console
  console.warn(
    `NOTICE: ${dir} is absent; skipping helm template/lint of the real ${flavor.id} chart`,
  );
  return undefined;
}
