import type { RenderContext } from '../context';
import { buildObject, instanceMetadata } from './buildObject';
import type { ManifestContext } from './models';

/** The ConfigMap kustomize generates from values.yaml; HelmRelease reads it. */
export const valuesConfigMapName = (ctx: RenderContext) =>
  `${ctx.spec.name}-values`;

/** The Flux source for what the chart publishes: an OCI artifact, a Helm repository or git. */
export function fluxSourceObject(
  ctx: ManifestContext,
): Record<string, unknown> {
  const { source } = ctx.flavor;
  const metadata = instanceMetadata(ctx, `${ctx.spec.name}-chart`);
  const interval = ctx.spec.gitops.interval;
  if (source.type === 'oci') {
    return buildObject(ctx.models.OCIRepository, {
      metadata,
      spec: {
        interval,
        url: `${source.repository}/${ctx.flavor.chartName}`,
        ref: { tag: ctx.chartVersion },
        layerSelector: {
          mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
          operation: 'copy',
        },
      },
    });
  }
  if (source.type === 'helm') {
    return buildObject(ctx.models.HelmRepository, {
      metadata,
      spec: { interval, url: source.repository },
    });
  }
  return buildObject(ctx.models.GitRepository, {
    metadata,
    spec: {
      interval,
      url: source.repository,
      ref: { tag: source.tagFor(ctx.chartVersion) },
    },
  });
}

export function helmReleaseObject(
  ctx: ManifestContext,
): Record<string, unknown> {
  const { source } = ctx.flavor;
  const sourceName = `${ctx.spec.name}-chart`;
  const chart =
    source.type === 'oci'
      ? { chartRef: { kind: 'OCIRepository' as const, name: sourceName } }
      : {
          chart: {
            spec: {
              chart: source.type === 'git' ? source.path : ctx.flavor.chartName,
              ...(source.type === 'helm' ? { version: ctx.chartVersion } : {}),
              sourceRef: {
                kind:
                  source.type === 'git'
                    ? ('GitRepository' as const)
                    : ('HelmRepository' as const),
                name: sourceName,
              },
            },
          },
        };
  return buildObject(ctx.models.HelmRelease, {
    metadata: instanceMetadata(ctx, ctx.spec.name),
    spec: {
      interval: ctx.spec.gitops.interval,
      releaseName: ctx.spec.name,
      ...chart,
      install: { remediation: { retries: 3 } },
      upgrade: { remediation: { retries: 3 } },
      valuesFrom: [
        {
          kind: 'ConfigMap',
          name: valuesConfigMapName(ctx),
          valuesKey: 'values.yaml',
        },
      ],
    },
  });
}
