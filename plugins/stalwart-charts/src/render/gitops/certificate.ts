import { buildObject, instanceMetadata } from './buildObject';
import type { ManifestContext } from './models';

/** The cert-manager Certificate for the mail hostname, for charts that do not make one. */
export function certificateObjects(
  ctx: ManifestContext,
): Array<Record<string, unknown>> {
  const { issuer, issuerKind } = ctx.spec.tls;
  if (!ctx.rendersCertificate || !issuer) return [];
  return [
    buildObject(ctx.models.Certificate, {
      metadata: instanceMetadata(ctx, ctx.names.certificate.name),
      spec: {
        secretName: ctx.names.certificate.secretName,
        issuerRef: { name: issuer, kind: issuerKind, group: 'cert-manager.io' },
        dnsNames: [...new Set([ctx.spec.hostname, ctx.httpHost])],
      },
    }),
  ];
}
