import type { RenderContext } from '../../render/context';
import { Replace, type Overrides } from '../../render/deepMerge';

/** Where the mail certificate Secret is mounted for the settings plan's Certificate object. */
export const HIROBA_TLS_MOUNT = '/etc/stalwart/tls';

/** The enabled ports' `name: port` map, in the chart's order. */
function enabledPortMap(ctx: RenderContext): Record<string, number> {
  return Object.fromEntries(
    ctx.ports.filter(p => p.enabled).map(p => [p.name, p.port]),
  );
}

function dataStore(ctx: RenderContext) {
  const pg = ctx.spec.storage.postgresql;
  if (ctx.dataStore === 'postgresql' && pg) {
    return {
      '@type': 'PostgreSql',
      host: pg.host,
      port: pg.port,
      database: pg.database,
      authUsername: pg.user,
      authSecret: {
        '@type': 'EnvironmentVariable',
        variableName: 'STALWART_DATA_PASSWORD',
      },
    };
  }
  return { '@type': 'RocksDb', path: '/var/lib/stalwart' };
}

export function hirobaOverrides(ctx: RenderContext): Overrides {
  const { spec } = ctx;
  const nats = spec.cluster.nats;
  const gateway = spec.http.mode === 'gateway';
  const servesTls = Boolean(spec.tls.issuer || spec.tls.secretName);
  return {
    replicaCount: spec.replicas,
    image: { repository: ctx.image.repository, tag: ctx.image.tag },
    service: {
      type: spec.service.type,
      externalTrafficPolicy: spec.service.externalTrafficPolicy,
      ports: new Replace(enabledPortMap(ctx)),
      annotations: new Replace(spec.service.annotations),
    },
    gateway: {
      enabled: gateway,
      annotations: new Replace(gateway ? spec.http.annotations : {}),
      ...(gateway
        ? { parentRefs: spec.http.parentRefs, hostnames: [ctx.httpHost] }
        : {}),
    },
    ...(spec.resources ? { resources: new Replace(spec.resources) } : {}),
    podDisruptionBudget: {
      enabled: spec.pdb.enabled,
      minAvailable: spec.pdb.minAvailable,
    },
    persistence: {
      data: {
        ...(spec.storage.size ? { size: spec.storage.size } : {}),
        storageClass: spec.storage.storageClass ?? '',
      },
    },
    config: new Replace(dataStore(ctx)),
    secrets: { create: false, env: new Replace({}) },
    nats: {
      enabled: Boolean(nats),
      url: nats?.addresses[0] ?? '',
      authSecret: {
        name: nats?.auth ? spec.secrets.name : '',
        key: 'STALWART_NATS_TOKEN',
      },
    },
    envFrom: ctx.secretKeys.length
      ? [{ secretRef: { name: spec.secrets.name } }]
      : [],
    extraVolumes: servesTls
      ? [{ name: 'mail-tls', secret: { secretName: ctx.tlsSecretName } }]
      : [],
    extraVolumeMounts: servesTls
      ? [{ name: 'mail-tls', mountPath: HIROBA_TLS_MOUNT, readOnly: true }]
      : [],
  };
}
