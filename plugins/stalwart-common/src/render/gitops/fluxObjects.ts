import { HelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2';
import {
  GitRepository,
  HelmRepository,
  OCIRepository,
} from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1';
import type { RenderContext } from '../context';
import { buildObject, instanceMetadata } from './buildObject';

/** The ConfigMap kustomize generates from values.yaml; HelmRelease reads it. */
export const valuesConfigMapName = (ctx: RenderContext) =>
  `${ctx.spec.name}-values`;

/** The Flux source for what the chart publishes: an OCI artifact, a Helm repository or git. */
export function fluxSourceObject(ctx: RenderContext): Record<string, unknown> {
  const { source } = ctx.flavor;
  const metadata = instanceMetadata(ctx, `${ctx.spec.name}-chart`);
  const interval = ctx.spec.gitops.interval;
  if (source.type === 'oci') {
    return buildObject(OCIRepository, {
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
    return buildObject(HelmRepository, {
      metadata,
      spec: { interval, url: source.repository },
    });
  }
  return buildObject(GitRepository, {
    metadata,
    spec: {
      interval,
      url: source.repository,
      ref: { tag: source.tagFor(ctx.chartVersion) },
    },
  });
}

export function helmReleaseObject(ctx: RenderContext): Record<string, unknown> {
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
  return buildObject(HelmRelease, {
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
