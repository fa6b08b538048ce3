import type { RenderContext } from '../../render/context';
import { Replace, type Overrides } from '../../render/deepMerge';
import { scaffoldIngressValues } from '../../render/values/scaffoldIngress';

/** The antigenic port switches (values `service.mail.enabled`) by chart port name. */
const MAIL_SWITCHES = ['smtp', 'submission', 'smtps', 'imap', 'imaps', 'sieve'];

export function antigenicOverrides(ctx: RenderContext): Overrides {
  const { spec, names } = ctx;
  const enabled = Object.fromEntries(
    ctx.ports
      .filter(p => MAIL_SWITCHES.includes(p.name))
      .map(p => [p.name, p.enabled]),
  );
  const routeHosts = [ctx.httpHost];
  return {
    image: { repository: ctx.image.repository, tag: ctx.image.tag },
    replicaCount: spec.replicas,
    resources: new Replace(spec.resources ?? {}),
    pdb: { enabled: spec.pdb.enabled, minAvailable: spec.pdb.minAvailable },
    persistence: {
      ...(spec.storage.size ? { size: spec.storage.size } : {}),
      storageClass: spec.storage.storageClass ?? '',
    },
    service: {
      mail: {
        type: spec.service.type,
        externalTrafficPolicy: spec.service.externalTrafficPolicy,
        annotations: new Replace(spec.service.annotations),
        enabled,
      },
    },
    networkPolicy: {
      enabled: spec.networkPolicy.enabled,
      ingress: { internetCidrs: spec.networkPolicy.allowedCidrs },
    },
    ingress: scaffoldIngressValues(ctx, ctx.tlsSecretName),
    httpRoute:
      spec.http.mode === 'gateway'
        ? {
            enabled: true,
            hostnames: routeHosts,
            parentRefs: spec.http.parentRefs,
          }
        : { enabled: false },
    config: {
      server: { hostname: spec.hostname, allowedIPs: spec.proxy.allowedIps },
      proxy: { trustedNetworks: spec.proxy.trustedNetworks },
      postgresql: spec.storage.postgresql && {
        host: spec.storage.postgresql.host,
        port: spec.storage.postgresql.port,
        database: spec.storage.postgresql.database,
        user: spec.storage.postgresql.user,
        tls: { enable: spec.storage.postgresql.tls },
      },
      s3: spec.storage.s3 && {
        endpoint: spec.storage.s3.endpoint,
        bucket: spec.storage.s3.bucket,
        region: spec.storage.s3.region,
        keyPrefix: spec.storage.s3.keyPrefix,
      },
      meilisearch: spec.storage.meilisearch && {
        url: spec.storage.meilisearch.url,
      },
      metrics: { prometheus: { enable: spec.metrics.prometheus } },
    },
    certManager: spec.tls.issuer
      ? {
          enabled: true,
          issuerName: spec.tls.issuer,
          issuerKind: spec.tls.issuerKind,
          certificateName: names.certificate.name,
          secretName: names.certificate.secretName,
          dnsNames: [...new Set([spec.hostname, ctx.httpHost])],
        }
      : { enabled: false },
    secret: { name: spec.secrets.name, create: false, data: new Replace({}) },
  };
}
