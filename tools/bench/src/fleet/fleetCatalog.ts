import {
  exampleInstanceSpec,
  formatSpecProblems,
  parseInstanceSpec,
  renderCatalogEntity,
} from '@stalwart-backstage/plugin-stalwart-charts';
import type { FleetInstance } from './fleetInstances';

const OWNER = 'group:default/guests';

/**
 * A catalog file with one Component per fleet instance, rendered by the same renderer the
 * template uses, so the entities carry the annotations both plugins read
 * (`backstage.io/kubernetes-*` for the core plugin, `stalwart.io/*` for this one).
 */
export function fleetCatalogYaml(instances: readonly FleetInstance[]): string {
  return instances
    .map(instance => {
      const parsed = parseInstanceSpec({
        ...exampleInstanceSpec(
          'antigenic',
          'flux',
          'existing',
          instance.release,
        ),
        namespace: instance.namespace,
        hostname: instance.hostname,
      });
      if (!parsed.ok) {
        throw new Error(
          `The fleet instance ${
            instance.release
          } is not a valid spec: ${formatSpecProblems(parsed.problems).join(
            '; ',
          )}`,
        );
      }
      return renderCatalogEntity(parsed.spec, {
        owner: OWNER,
        clusters: [instance.cluster],
      });
    })
    .join('---\n');
}
