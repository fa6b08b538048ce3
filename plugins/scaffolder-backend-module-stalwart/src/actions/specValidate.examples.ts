import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { argoCdSpec, minimalSpec } from './exampleSpecs';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the spec assembled from the template parameters before rendering anything.',
    example: stringify({
      steps: [
        {
          id: 'validate',
          name: 'Validate the instance spec',
          action: 'stalwart:spec:validate',
          input: { spec: minimalSpec },
        },
      ],
    }),
  },
  {
    description:
      'Validate a three-replica antigenic instance applied by Argo CD, its credentials delivered by External Secrets.',
    example: stringify({
      steps: [
        {
          id: 'validate',
          name: 'Validate the instance spec',
          action: 'stalwart:spec:validate',
          input: { spec: argoCdSpec },
        },
      ],
    }),
  },
];
