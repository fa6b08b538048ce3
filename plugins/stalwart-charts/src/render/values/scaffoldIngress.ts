import type { RenderContext } from '../context';
import { Replace, type Overrides } from '../deepMerge';

/**
 * The `ingress` values of a chart built on the `helm create` scaffold: the HTTP host at `/`,
 * TLS from `tlsSecretName`; `{ enabled: false }` unless the spec routes HTTP through an Ingress.
 * `backend` adds the chart's own path keys (e.g. the port name).
 */
export function scaffoldIngressValues(
  ctx: RenderContext,
  tlsSecretName: string,
  backend: Record<string, string> = {},
): Overrides {
  const { http } = ctx.spec;
  if (http.mode !== 'ingress') return { enabled: false };
  return {
    enabled: true,
    className: http.ingressClassName ?? '',
    annotations: new Replace(http.annotations),
    hosts: [
      {
        host: ctx.httpHost,
        paths: [{ path: '/', pathType: 'Prefix', ...backend }],
      },
    ],
    tls: [{ secretName: tlsSecretName, hosts: [ctx.httpHost] }],
  };
}
