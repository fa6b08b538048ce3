import type { RenderContext } from '../../render/context';
import type { SettingsPlanOperation } from '../../settingsPlan/planFile';
import { HIROBA_TLS_MOUNT } from './values';

/**
 * The chart mounts the mail certificate Secret as files; Stalwart serves it once a Certificate
 * object points at them.
 */
export function hirobaSettingsPlan(
  ctx: RenderContext,
): SettingsPlanOperation[] {
  const { issuer, secretName } = ctx.spec.tls;
  if (!issuer && !secretName) return [];
  // A certificate's natural key (subjectAlternativeNames) is set by the server from the
  // certificate itself, so a plan cannot name one to destroy: replace them all.
  return [
    { '@type': 'destroy', object: 'Certificate' },
    {
      '@type': 'create',
      object: 'Certificate',
      value: {
        'mail-tls': {
          certificate: {
            '@type': 'File',
            filePath: `${HIROBA_TLS_MOUNT}/tls.crt`,
          },
          privateKey: {
            '@type': 'File',
            filePath: `${HIROBA_TLS_MOUNT}/tls.key`,
          },
        },
      },
    },
  ];
}
