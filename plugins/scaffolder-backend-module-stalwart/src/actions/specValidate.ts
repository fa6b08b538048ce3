import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { getChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import { examples } from './specValidate.examples';
import { instanceBranch, instanceEntityRef, parseSpecInput } from './helpers';
import { specInput } from './inputProperties';
import type { SpecValidateAction } from './types';

/**
 * `stalwart:spec:validate`: checks the spec against every rule (including the flavor rules
 * JSON Schema cannot express) before anything is rendered, and hands the later steps the
 * names they derive from it.
 *
 * @public
 */
export function createSpecValidateAction(): SpecValidateAction {
  return createTemplateAction({
    id: 'stalwart:spec:validate',
    description:
      'Validates a Stalwart instance spec, failing with one line per problem (field path and rule), and outputs the spec with defaults applied.',
    examples,
    supportsDryRun: true,
    schema: {
      input: { spec: specInput },
      output: {
        spec: z =>
          z
            // any, not unknown: what a JSON round trip gives satisfies the JsonObject output type
            .record(z.any())
            .describe('The spec with every default applied.'),
        name: z => z.string().describe('Instance (Helm release) name.'),
        namespace: z => z.string().describe('Namespace the instance runs in.'),
        path: z =>
          z.string().describe('Folder of the fleet repository (gitops.path).'),
        branch: z =>
          z
            .string()
            .describe('Branch the instance is proposed on: stalwart/<name>.'),
        entityRef: z =>
          z.string().describe('The catalog entity the instance will have.'),
        chart: z => z.string().describe('Chart flavor.'),
        chartVersion: z =>
          z.string().describe('Chart version that will be deployed.'),
        engine: z => z.string().describe('GitOps engine: flux or argocd.'),
        stalwartGeneration: z =>
          z
            .string()
            .describe('Stalwart generation of the chart (v0.15 or v0.16).'),
      },
    },
    async handler(ctx) {
      const spec = parseSpecInput(ctx.input.spec);
      ctx.logger.info(
        `Spec for ${spec.name} is valid: ${spec.chart} ${spec.chartVersion}, ${spec.gitops.engine} at ${spec.gitops.path}`,
      );
      ctx.output('spec', JSON.parse(JSON.stringify(spec)));
      ctx.output('name', spec.name);
      ctx.output('namespace', spec.namespace);
      ctx.output('path', spec.gitops.path);
      ctx.output('branch', instanceBranch(spec));
      ctx.output('entityRef', instanceEntityRef(spec));
      ctx.output('chart', spec.chart);
      ctx.output('chartVersion', spec.chartVersion!);
      ctx.output('engine', spec.gitops.engine);
      ctx.output('stalwartGeneration', getChartFlavor(spec.chart).generation);
    },
  });
}
