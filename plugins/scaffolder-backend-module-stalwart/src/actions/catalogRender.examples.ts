import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { argoCdSpec, minimalSpec } from './exampleSpecs';

export const examples: TemplateExample[] = [
  {
    description: 'Render catalog-info.yaml owned by a group.',
    example: stringify({
      steps: [
        {
          id: 'catalog',
          name: 'Render the catalog entity',
          action: 'stalwart:catalog:render',
          input: { spec: minimalSpec, owner: 'group:default/mail-admins' },
        },
      ],
    }),
  },
  {
    description:
      'Render catalog-info.yaml with a system and the clusters the instance runs in.',
    example: stringify({
      steps: [
        {
          id: 'catalog',
          name: 'Render the catalog entity',
          action: 'stalwart:catalog:render',
          input: {
            spec: argoCdSpec,
            owner: 'group:default/mail-admins',
            system: 'system:default/mail',
            clusters: ['homelab'],
          },
        },
      ],
    }),
  },
];
