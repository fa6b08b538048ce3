import type { RenderedFile } from '../types';
import { toYamlFile } from '../yamlDocument';
import {
  fluxSourceObject,
  helmReleaseObject,
  valuesConfigMapName,
} from './fluxObjects';
import { instanceManifests } from './instanceObjects';
import type { ManifestContext } from './models';

/**
 * Teaches kustomize that HelmRelease.spec.valuesFrom names a ConfigMap, so the generated
 * ConfigMap's hash suffix is written into the HelmRelease and a values change upgrades it.
 */
const KUSTOMIZE_CONFIG = {
  nameReference: [
    {
      kind: 'ConfigMap',
      version: 'v1',
      fieldSpecs: [{ path: 'spec/valuesFrom/name', kind: 'HelmRelease' }],
    },
  ],
};

/**
 * The Flux files: a folder kustomize builds (and the cluster's Flux Kustomization already
 * reconciling the parent path applies) with the chart source, the HelmRelease and the values
 * ConfigMap generated from values.yaml.
 */
export function renderFluxFiles(ctx: ManifestContext): RenderedFile[] {
  const { spec } = ctx;
  const manifests = instanceManifests(ctx);
  const files: RenderedFile[] = manifests.map(m => ({
    path: m.file,
    content: toYamlFile(spec, m.file, m.objects),
  }));
  files.push({
    path: 'chart-source.yaml',
    content: toYamlFile(spec, 'Flux chart source', [fluxSourceObject(ctx)]),
  });
  files.push({
    path: 'helm-release.yaml',
    content: toYamlFile(spec, 'Flux HelmRelease', [helmReleaseObject(ctx)]),
  });
  files.push({
    path: 'kustomizeconfig.yaml',
    content: toYamlFile(spec, 'kustomize name references', [KUSTOMIZE_CONFIG]),
  });
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: spec.namespace,
    resources: [
      ...manifests.map(m => m.file),
      'chart-source.yaml',
      'helm-release.yaml',
    ],
    configMapGenerator: [
      { name: valuesConfigMapName(ctx), files: ['values.yaml'] },
    ],
    configurations: ['kustomizeconfig.yaml'],
  };
  files.push({
    path: 'kustomization.yaml',
    content: toYamlFile(spec, 'kustomize entry point', [kustomization]),
  });
  return files;
}
