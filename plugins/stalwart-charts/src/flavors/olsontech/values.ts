import type { RenderContext } from '../../render/context';
import { Replace, type Overrides } from '../../render/deepMerge';
import { scaffoldIngressValues } from '../../render/values/scaffoldIngress';

export function olsontechOverrides(ctx: RenderContext): Overrides {
  const { spec, names } = ctx;
  const clustered = spec.replicas > 1;
  const fdb = spec.storage.foundationdb;
  const fdbClientSecret = `${names.fullname}-fdb-client`;
  const nats = spec.cluster.nats;
  return {
    replicaCount: 1,
    image: { repository: ctx.image.repository, tag: ctx.image.tag },
    service: {
      type: spec.service.type,
      externalTrafficPolicy: spec.service.externalTrafficPolicy,
      ports: new Replace(
        ctx.ports
          .filter(p => p.enabled)
          .map(p => ({
            name: p.name,
            port: p.port,
            targetPort: p.containerPort,
            protocol: 'TCP',
          })),
      ),
    },
    ingress: scaffoldIngressValues(ctx, names.certificate.secretName),
    ...(spec.resources ? { resources: new Replace(spec.resources) } : {}),
    tls: {
      dnsNames: [...new Set([spec.hostname, ctx.httpHost])],
      acmeDnsServer: spec.tls.acmeDns?.server,
      accountSecretRef: new Replace(spec.tls.acmeDns?.accountSecret ?? {}),
    },
    stalwart: { defaultHostname: spec.hostname },
    clustering: {
      enabled: clustered,
      replicas: spec.replicas,
      nats: {
        ...(nats
          ? {
              addresses: nats.addresses,
              authEnabled: nats.auth,
              tls: { enabled: nats.tls },
            }
          : {}),
        credentialsSecret: spec.secrets.name,
      },
    },
    fdb: {
      secrets: { clusterFile: spec.secrets.name, clientCert: fdbClientSecret },
      compression: fdb?.compression,
    },
    fdbClientCert: fdb && {
      enabled: true,
      issuer: {
        server: fdb.vault.server,
        path: fdb.vault.signPath,
        role: fdb.vault.role,
        kubernetesAuthPath: fdb.vault.kubernetesAuthPath,
      },
      rootCA: {
        path: fdb.vault.rootCaPath,
        role: fdb.vault.rootCaRole,
        caSecretRef: fdb.vault.caSecret ?? { name: '' },
      },
      certificate: { secretName: fdbClientSecret },
    },
  };
}
