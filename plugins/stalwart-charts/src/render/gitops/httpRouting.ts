import { buildObject, instanceMetadata } from './buildObject';
import type { ManifestContext } from './models';

/** An Ingress or HTTPRoute to Stalwart's plain HTTP listener, when the chart cannot make it. */
export function httpRoutingObjects(
  ctx: ManifestContext,
): Array<Record<string, unknown>> {
  const { mode, annotations, ingressClassName, parentRefs } = ctx.spec.http;
  if (
    mode === 'none' ||
    ctx.flavorModule.chartRenders.httpRouting.includes(mode)
  )
    return [];
  const backend = ctx.names.managementService;
  const metadata = {
    ...instanceMetadata(ctx, ctx.names.fullname),
    ...(Object.keys(annotations).length ? { annotations } : {}),
  };
  if (mode === 'gateway') {
    return [
      buildObject(ctx.models.HTTPRoute, {
        metadata,
        spec: {
          parentRefs,
          hostnames: [ctx.httpHost],
          rules: [
            {
              matches: [{ path: { type: 'PathPrefix', value: '/' } }],
              backendRefs: [{ name: backend.name, port: backend.port }],
            },
          ],
        },
      }),
    ];
  }
  return [
    buildObject(ctx.models.Ingress, {
      metadata,
      spec: {
        ...(ingressClassName ? { ingressClassName } : {}),
        tls: [{ hosts: [ctx.httpHost], secretName: ctx.tlsSecretName }],
        rules: [
          {
            host: ctx.httpHost,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: {
                    service: {
                      name: backend.name,
                      port: { number: backend.port },
                    },
                  },
                },
              ],
            },
          },
        ],
      },
    }),
  ];
}
