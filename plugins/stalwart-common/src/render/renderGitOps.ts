import type { InstanceSpec } from '../spec';
import { createRenderContext } from './context';
import { loadKubernetesModels } from './gitops/models';
import { renderArgoCdFiles } from './gitops/renderArgoCd';
import { renderFluxFiles } from './gitops/renderFlux';
import { renderSettingsPlan } from './settingsPlan';
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
  const ctx = {
    ...createRenderContext(spec),
    models: await loadKubernetesModels(),
  };
  const files =
    spec.gitops.engine === 'flux'
      ? renderFluxFiles(ctx)
      : renderArgoCdFiles(ctx);
  const plan = renderSettingsPlan(spec);
  return plan
    ? [...files, { path: 'settings-plan.ndjson', content: plan }]
    : files;
}
