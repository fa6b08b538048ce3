import { buildObject, instanceMetadata } from './buildObject';
import type { ManifestContext } from './models';

/**
 * The object that delivers the instance Secret, or none when it already exists (or the chart
 * needs no keys). Only references and ciphertext appear here, never secret values.
 */
export function secretDeliveryObjects(
  ctx: ManifestContext,
): Array<Record<string, unknown>> {
  const { secrets } = ctx.spec;
  if (
    secrets.provider === 'external-secrets' &&
    secrets.externalSecrets &&
    ctx.secretKeys.length
  ) {
    const source = secrets.externalSecrets;
    return [
      buildObject(ctx.models.ExternalSecret, {
        metadata: instanceMetadata(ctx, secrets.name),
        spec: {
          refreshInterval: source.refreshInterval,
          secretStoreRef: { name: source.store, kind: source.storeKind },
          target: { name: secrets.name, creationPolicy: 'Owner' },
          data: ctx.secretKeys.map(key => ({
            secretKey: key,
            remoteRef: { key: source.remoteKey, property: key },
          })),
        },
      }),
    ];
  }
  if (secrets.provider === 'sealed-secrets' && secrets.sealedSecrets) {
    const encrypted = secrets.sealedSecrets.encryptedData;
    const keys = Object.keys(encrypted).sort();
    return [
      buildObject(ctx.models.SealedSecret, {
        metadata: instanceMetadata(ctx, secrets.name),
        spec: {
          encryptedData: Object.fromEntries(keys.map(k => [k, encrypted[k]])),
          template: {
            metadata: { name: secrets.name, namespace: ctx.spec.namespace },
            type: 'Opaque',
          },
        },
      }),
    ];
  }
  return [];
}
