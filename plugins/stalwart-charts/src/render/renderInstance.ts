import type { InstanceSpec } from '../spec';
import { instanceFiles } from './instanceFiles';
import { renderGitOps } from './renderGitOps';
import type { RenderedFile, RenderOptions } from './types';

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
  return instanceFiles(spec, options, await renderGitOps(spec));
}
