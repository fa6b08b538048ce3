import type { InstanceSpec } from '../spec';
import { renderCatalogEntity } from './renderCatalogEntity';
import type { RenderedFile, RenderOptions } from './types';
import { renderValues } from './values/renderValues';

/** values.yaml and the catalog entity beside the given GitOps files, sorted by path. */
export function instanceFiles(
  spec: InstanceSpec,
  options: RenderOptions,
  gitOpsFiles: RenderedFile[],
): RenderedFile[] {
  const files: RenderedFile[] = [
    { path: 'values.yaml', content: renderValues(spec) },
    ...gitOpsFiles,
  ];
  if (options.owner) {
    files.push({
      path: 'catalog-info.yaml',
      content: renderCatalogEntity(spec, { ...options, owner: options.owner }),
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
