import type { InstanceSpec } from '../spec';
import { loadKubernetesModels } from './gitops/models';
import { renderGitOpsWith } from './renderGitOpsWith';
import type { RenderedFile } from './types';

/**
 * The GitOps files for the spec's engine (without values.yaml), plus the settings plan for the
 * v0.16 flavors; paths relative to `gitops.path`. Asynchronous because the Kubernetes model
 * classes that validate every manifest are ES modules loaded on first use.
 *
 * @public
 */
export async function renderGitOps(
  spec: InstanceSpec,
): Promise<RenderedFile[]> {
  return renderGitOpsWith(spec, await loadKubernetesModels());
}
