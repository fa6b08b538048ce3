import type { RenderedFile } from '../types';
import { toYamlFile } from '../yamlDocument';
import { buildObject, rendererLabels } from './buildObject';
import { instanceManifests } from './instanceObjects';
import type { ManifestContext } from './models';

/** The Helm chart source: OCI (no scheme, as Argo CD wants it), Helm repository or git path. */
function chartSource(ctx: ManifestContext, valuesPath: string) {
  const { source, chartName } = ctx.flavor;
  const helm = {
    releaseName: ctx.spec.name,
    valueFiles: [`$values/${valuesPath}`],
  };
  if (source.type === 'git') {
    return {
      repoURL: source.repository,
      path: source.path,
      targetRevision: source.tagFor(ctx.chartVersion),
      helm,
    };
  }
  const repoURL =
    source.type === 'oci'
      ? source.repository.replace(/^oci:\/\//, '')
      : source.repository;
  return { repoURL, chart: chartName, targetRevision: ctx.chartVersion, helm };
}

/**
 * The Argo CD files: a multi-source Application (the chart, the values from this folder through
 * the `$values` ref, and the manifests folder) plus the manifests it applies.
 */
export function renderArgoCdFiles(ctx: ManifestContext): RenderedFile[] {
  const { spec } = ctx;
  const argo = spec.gitops.argocd!;
  const manifests = instanceManifests(ctx);
  const application = buildObject(ctx.models.Application, {
    metadata: {
      name: spec.name,
      namespace: argo.namespace,
      labels: rendererLabels(ctx),
    },
    spec: {
      project: argo.project,
      destination: {
        server: argo.destinationServer,
        namespace: spec.namespace,
      },
      sources: [
        chartSource(ctx, `${spec.gitops.path}/values.yaml`),
        { repoURL: argo.repoURL, targetRevision: argo.revision, ref: 'values' },
        {
          repoURL: argo.repoURL,
          targetRevision: argo.revision,
          path: `${spec.gitops.path}/manifests`,
        },
      ],
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
      },
    },
  });
  return [
    {
      path: 'application.yaml',
      content: toYamlFile(spec, 'Argo CD Application', [application]),
    },
    ...manifests.map(m => ({
      path: `manifests/${m.file}`,
      content: toYamlFile(spec, m.file, m.objects),
    })),
  ];
}
