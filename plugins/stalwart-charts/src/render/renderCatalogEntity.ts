import { stringify } from 'yaml';
import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import type { InstanceSpec } from '../spec';
import { createRenderContext } from './context';
import type { RenderOptions } from './types';
import { headerLines } from './yamlDocument';

/**
 * The catalog entity of the instance: a Component of type `service` (it is software the team
 * runs and is on call for; the Kubernetes, Argo CD and Flux tabs attach to Components), carrying
 * the core Kubernetes plugin's annotations and the project's own.
 *
 * @public
 */
export function renderCatalogEntity(
  spec: InstanceSpec,
  options: RenderOptions & { owner: string },
): string {
  const ctx = createRenderContext(spec);
  const selector = Object.entries(ctx.flavor.podSelector(spec.name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: spec.name,
      title: `Stalwart ${spec.name}`,
      description: `Stalwart mail server ${spec.hostname} (${ctx.flavor.title})`,
      annotations: {
        'backstage.io/kubernetes-id': spec.name,
        'backstage.io/kubernetes-label-selector': selector,
        'backstage.io/kubernetes-namespace': spec.namespace,
        ...(spec.gitops.engine === 'argocd'
          ? { 'argocd/app-name': spec.name }
          : {}),
        [STALWART_ANNOTATIONS.release]: spec.name,
        [STALWART_ANNOTATIONS.namespace]: spec.namespace,
        [STALWART_ANNOTATIONS.chart]: spec.chart,
        [STALWART_ANNOTATIONS.chartVersion]: ctx.chartVersion,
        [STALWART_ANNOTATIONS.hostname]: spec.hostname,
        [STALWART_ANNOTATIONS.gitopsPath]: spec.gitops.path,
        ...(options.clusters?.length
          ? { [STALWART_ANNOTATIONS.clusters]: options.clusters.join(',') }
          : {}),
      },
      tags: ['stalwart', 'mail', ctx.flavor.generation.replace('.', '-')],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner,
      ...(options.system ? { system: options.system } : {}),
    },
  };
  const header = headerLines(spec, 'catalog entity')
    .map(l => `# ${l}\n`)
    .join('');
  return header + stringify(entity, { lineWidth: 0 });
}
