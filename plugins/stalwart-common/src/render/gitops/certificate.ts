import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import type { RenderContext } from '../context';
import { buildObject, instanceMetadata } from './buildObject';

/** The cert-manager Certificate for the mail hostname, for charts that do not make one. */
export function certificateObjects(
  ctx: RenderContext,
): Array<Record<string, unknown>> {
  const { issuer, issuerKind } = ctx.spec.tls;
  if (!ctx.rendersCertificate || !issuer) return [];
  return [
    buildObject(Certificate, {
      metadata: instanceMetadata(ctx, ctx.names.certificate.name),
      spec: {
        secretName: ctx.names.certificate.secretName,
        issuerRef: { name: issuer, kind: issuerKind, group: 'cert-manager.io' },
        dnsNames: [...new Set([ctx.spec.hostname, ctx.httpHost])],
      },
    }),
  ];
}
