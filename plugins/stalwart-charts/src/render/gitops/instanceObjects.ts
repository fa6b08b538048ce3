import { certificateObjects } from './certificate';
import { httpRoutingObjects } from './httpRouting';
import { namespaceObject } from './namespace';
import { networkPolicyObjects, pdbObjects } from './podPolicies';
import { secretDeliveryObjects } from './secretDelivery';
import type { ManifestContext } from './models';

/** A manifest file beside the chart: its file name and the objects in it. */
export interface ManifestFile {
  file: string;
  objects: Array<Record<string, unknown>>;
}

/** The objects both engines apply next to the chart, one file per concern, empty ones dropped. */
export function instanceManifests(ctx: ManifestContext): ManifestFile[] {
  const files: ManifestFile[] = [
    { file: 'namespace.yaml', objects: [namespaceObject(ctx)] },
    { file: 'secret.yaml', objects: secretDeliveryObjects(ctx) },
    { file: 'certificate.yaml', objects: certificateObjects(ctx) },
    { file: 'http-route.yaml', objects: httpRoutingObjects(ctx) },
    { file: 'pod-disruption-budget.yaml', objects: pdbObjects(ctx) },
    { file: 'network-policy.yaml', objects: networkPolicyObjects(ctx) },
  ];
  return files.filter(f => f.objects.length > 0);
}
