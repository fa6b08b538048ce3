import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { argoCdSpec, minimalSpec } from './exampleSpecs';

export const examples: TemplateExample[] = [
  {
    description:
      'Render values.yaml into the instance folder (the spec’s gitops.path) of the workspace.',
    example: stringify({
      steps: [
        {
          id: 'values',
          name: 'Render chart values',
          action: 'stalwart:values:render',
          input: { spec: minimalSpec },
        },
      ],
    }),
  },
  {
    description: 'Render values.yaml into another workspace folder.',
    example: stringify({
      steps: [
        {
          id: 'values',
          name: 'Render chart values',
          action: 'stalwart:values:render',
          input: { spec: argoCdSpec, targetPath: 'preview/mail-prod' },
        },
      ],
    }),
  },
];
