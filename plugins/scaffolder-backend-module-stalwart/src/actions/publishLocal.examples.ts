import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { minimalSpec } from './exampleSpecs';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the rendered instance folder to the local fleet repository on branch stalwart/<name>.',
    example: stringify({
      steps: [
        {
          id: 'publish',
          name: 'Commit to the local fleet repository',
          action: 'stalwart:publish:local',
          input: { spec: minimalSpec },
        },
      ],
    }),
  },
  {
    description:
      'Replace the folder of an instance already proposed, with a custom commit message.',
    example: stringify({
      steps: [
        {
          id: 'publish',
          name: 'Update the proposal',
          action: 'stalwart:publish:local',
          input: {
            spec: { ...minimalSpec, update: true, replicas: 1 },
            commitMessage: 'Move mail-demo to a larger volume',
          },
        },
      ],
    }),
  },
];
