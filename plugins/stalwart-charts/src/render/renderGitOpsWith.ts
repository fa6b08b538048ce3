import type { InstanceSpec } from '../spec';
import { createRenderContext } from './context';
import type { KubernetesModels } from './gitops/models';
import { renderArgoCdFiles } from './gitops/renderArgoCd';
import { renderFluxFiles } from './gitops/renderFlux';
import { renderSettingsPlan } from './settingsPlan';
import type { RenderedFile } from './types';

// Apart from renderGitOps.ts, which loads the validating model classes: a bundle that imports
// only this module (the browser preview) never references them.
/** `renderGitOps` with the given model classes (validating, or the preview's plain ones). */
export function renderGitOpsWith(
  spec: InstanceSpec,
  models: KubernetesModels,
): RenderedFile[] {
  const ctx = { ...createRenderContext(spec), models };
  const files =
    spec.gitops.engine === 'flux'
      ? renderFluxFiles(ctx)
      : renderArgoCdFiles(ctx);
  const plan = renderSettingsPlan(spec);
  return plan
    ? [...files, { path: 'settings-plan.ndjson', content: plan }]
    : files;
}
