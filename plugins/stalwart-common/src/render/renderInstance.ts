import type { InstanceSpec } from '../spec';
import { renderCatalogEntity } from './renderCatalogEntity';
import { renderGitOps } from './renderGitOps';
import type { RenderedFile, RenderOptions } from './types';
import { renderValues } from './values/renderValues';

/**
 * Every file for one instance, relative to `gitops.path`, sorted by path: values.yaml, the
 * GitOps manifests, the settings plan (v0.16) and, given an owner, catalog-info.yaml.
 *
 * @public
 */
export async function renderInstance(
  spec: InstanceSpec,
  options: RenderOptions = {},
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [
    { path: 'values.yaml', content: renderValues(spec) },
    ...(await renderGitOps(spec)),
  ];
  if (options.owner) {
    files.push({
      path: 'catalog-info.yaml',
      content: renderCatalogEntity(spec, { ...options, owner: options.owner }),
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
