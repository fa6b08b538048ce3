import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderValues } from '@stalwart-backstage/plugin-stalwart-charts';
import { examples } from './valuesRender.examples';
import {
  contentDigest,
  instanceFolder,
  parseSpecInput,
  writeWorkspaceFiles,
} from './helpers';
import { specInput, targetPathInput } from './inputProperties';
import { filesOutput, pathOutput } from './outputProperties';
import type { ValuesRenderAction } from './types';

/**
 * `stalwart:values:render`: writes the chart's complete values.yaml for the spec into the
 * workspace.
 *
 * @public
 */
export function createValuesRenderAction(): ValuesRenderAction {
  return createTemplateAction({
    id: 'stalwart:values:render',
    description:
      "Renders the chart's complete values.yaml for a Stalwart instance spec into the workspace (the chart's defaults with the spec applied; secrets only referenced).",
    examples,
    supportsDryRun: true,
    schema: {
      input: { spec: specInput, targetPath: targetPathInput },
      output: {
        files: filesOutput,
        path: pathOutput,
        valuesDigest: z =>
          z.string().describe('sha256 of values.yaml, to tell renders apart.'),
      },
    },
    async handler(ctx) {
      const spec = parseSpecInput(ctx.input.spec);
      const folder = instanceFolder(spec, ctx.input.targetPath);
      const content = renderValues(spec);
      const files = await ctx.checkpoint({
        key: `values-${spec.name}`,
        fn: () =>
          writeWorkspaceFiles(ctx.workspacePath, folder, [
            { path: 'values.yaml', content },
          ]),
      });
      ctx.logger.info(`Wrote ${files.join(', ')} for the ${spec.chart} chart`);
      ctx.output('files', files);
      ctx.output('path', folder);
      ctx.output('valuesDigest', contentDigest(content));
    },
  });
}
