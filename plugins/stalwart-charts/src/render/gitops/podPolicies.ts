import { buildObject, instanceMetadata } from './buildObject';
import type { ManifestContext } from './models';

/** A PodDisruptionBudget for charts without one. */
export function pdbObjects(
  ctx: ManifestContext,
): Array<Record<string, unknown>> {
  const { pdb, name } = ctx.spec;
  if (!pdb.enabled || ctx.flavorModule.chartRenders.podDisruptionBudget)
    return [];
  return [
    buildObject(ctx.models.PodDisruptionBudget, {
      metadata: instanceMetadata(ctx, ctx.names.fullname),
      spec: {
        minAvailable: pdb.minAvailable,
        selector: { matchLabels: ctx.flavor.podSelector(name) },
      },
    }),
  ];
}

/**
 * A NetworkPolicy for charts without one: the allowed networks reach the enabled ports,
 * the instance namespace reaches everything.
 */
export function networkPolicyObjects(
  ctx: ManifestContext,
): Array<Record<string, unknown>> {
  const { networkPolicy, name } = ctx.spec;
  if (!networkPolicy.enabled || ctx.flavorModule.chartRenders.networkPolicy)
    return [];
  const ports = ctx.ports
    .filter(p => p.enabled)
    .map(p => ({ protocol: 'TCP' as const, port: p.containerPort }));
  return [
    buildObject(ctx.models.NetworkPolicy, {
      metadata: instanceMetadata(ctx, ctx.names.fullname),
      spec: {
        podSelector: { matchLabels: ctx.flavor.podSelector(name) },
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ podSelector: {} }] },
          {
            from: networkPolicy.allowedCidrs.map(cidr => ({
              ipBlock: { cidr },
            })),
            ports,
          },
        ],
      },
    }),
  ];
}
