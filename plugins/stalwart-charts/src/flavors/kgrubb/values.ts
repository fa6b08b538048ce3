import type { RenderContext } from '../../render/context';
import { Replace, type Overrides } from '../../render/deepMerge';
import { scaffoldIngressValues } from '../../render/values/scaffoldIngress';

export function kgrubbOverrides(ctx: RenderContext): Overrides {
  const { spec, names } = ctx;
  const exposesMail = spec.service.type !== 'ClusterIP';
  return {
    image: { repository: ctx.image.repository, tag: ctx.image.tag },
    replicaCount: spec.replicas,
    recoveryAdmin: {
      enabled: false,
      existingSecret: spec.secrets.name,
      usernameKey: 'username',
      passwordKey: 'password',
    },
    mailTls: {
      enabled: true,
      existingSecret: ctx.tlsSecretName,
      hostname: spec.hostname,
      domain: spec.hostname.split('.').slice(1).join('.'),
    },
    config: new Replace({ '@type': 'RocksDb', path: '/var/lib/stalwart' }),
    // The main Service stays internal; a dedicated Service carries the mail ports outside.
    service: { type: 'ClusterIP' },
    mailService: {
      enabled: exposesMail,
      type: exposesMail ? spec.service.type : 'LoadBalancer',
      externalTrafficPolicy: spec.service.externalTrafficPolicy,
      annotations: new Replace(spec.service.annotations),
    },
    ingress: scaffoldIngressValues(ctx, names.certificate.secretName, {
      portName: 'mgmt',
    }),
    persistence: {
      ...(spec.storage.size ? { size: spec.storage.size } : {}),
      storageClass: spec.storage.storageClass ?? '',
    },
    resources: new Replace(spec.resources ?? {}),
  };
}
