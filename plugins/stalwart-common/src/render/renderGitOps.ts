import type { InstanceSpec } from '../spec';
import { createRenderContext } from './context';
import { renderArgoCdFiles } from './gitops/renderArgoCd';
import { renderFluxFiles } from './gitops/renderFlux';
import { renderSettingsPlan } from './settingsPlan';
import type { RenderedFile } from './types';

/**
 * The GitOps files for the spec's engine (without values.yaml), plus the settings plan for the
 * v0.16 flavors; paths relative to `gitops.path`.
 *
 * @public
 */
export function renderGitOps(spec: InstanceSpec): RenderedFile[] {
  const ctx = createRenderContext(spec);
  const files =
    spec.gitops.engine === 'flux'
      ? renderFluxFiles(ctx)
      : renderArgoCdFiles(ctx);
  const plan = renderSettingsPlan(spec);
  return plan
    ? [...files, { path: 'settings-plan.ndjson', content: plan }]
    : files;
}
