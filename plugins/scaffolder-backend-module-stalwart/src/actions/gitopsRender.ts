import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderGitOps } from '@stalwart-backstage/plugin-stalwart-charts';
import { examples } from './gitopsRender.examples';
import { instanceFolder, parseSpecInput, writeWorkspaceFiles } from './helpers';
import { specInput, targetPathInput } from './inputProperties';
import { filesOutput, pathOutput } from './outputProperties';
import type { GitOpsRenderAction } from './types';

/**
 * `stalwart:gitops:render`: writes the Flux or Argo CD manifests (and, for v0.16 charts, the
 * settings plan) for the spec into the workspace.
 *
 * @public
 */
export function createGitOpsRenderAction(): GitOpsRenderAction {
  return createTemplateAction({
    id: 'stalwart:gitops:render',
    description:
      'Renders the GitOps files of a Stalwart instance spec into the workspace: for Flux a kustomize folder (chart source, HelmRelease, values ConfigMap generator), for Argo CD a multi-source Application, plus the manifests beside the chart (namespace, secret delivery, certificate, routing, policies) and, for v0.16 charts, settings-plan.ndjson.',
    examples,
    supportsDryRun: true,
    schema: {
      input: { spec: specInput, targetPath: targetPathInput },
      output: {
        files: filesOutput,
        path: pathOutput,
        engine: z => z.string().describe('The GitOps engine rendered for.'),
      },
    },
    async handler(ctx) {
      const spec = parseSpecInput(ctx.input.spec);
      const folder = instanceFolder(spec, ctx.input.targetPath);
      const rendered = await renderGitOps(spec);
      const files = await ctx.checkpoint({
        key: `gitops-${spec.name}`,
        fn: () => writeWorkspaceFiles(ctx.workspacePath, folder, rendered),
      });
      ctx.logger.info(
        `Wrote ${files.length} ${spec.gitops.engine} files to ${folder}`,
      );
      ctx.output('files', files);
      ctx.output('path', folder);
      ctx.output('engine', spec.gitops.engine);
    },
  });
}
