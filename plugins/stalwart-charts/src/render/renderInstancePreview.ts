import type { InstanceSpec } from '../spec';
import { PLAIN_MODELS } from './gitops/plainModels';
import { instanceFiles } from './instanceFiles';
import { renderGitOpsWith } from './renderGitOpsWith';
import type { RenderedFile, RenderOptions } from './types';

/**
 * `renderInstance` for a browser preview: the same files, built without the Kubernetes model
 * classes' OpenAPI validators (and so synchronous), which keeps them out of the bundle.
 * What gets committed is rendered by `renderInstance`, which validates every manifest.
 *
 * @public
 */
export function renderInstancePreview(
  spec: InstanceSpec,
  options: RenderOptions = {},
): RenderedFile[] {
  return instanceFiles(spec, options, renderGitOpsWith(spec, PLAIN_MODELS));
}
