import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { argoCdSpec, minimalSpec } from './exampleSpecs';

export const examples: TemplateExample[] = [
  {
    description:
      'Render the Flux kustomize folder (chart source, HelmRelease, values ConfigMap generator, manifests).',
    example: stringify({
      steps: [
        {
          id: 'gitops',
          name: 'Render Flux manifests',
          action: 'stalwart:gitops:render',
          input: { spec: minimalSpec },
        },
      ],
    }),
  },
  {
    description:
      'Render an Argo CD Application reading values.yaml and the manifests folder from the fleet repository.',
    example: stringify({
      steps: [
        {
          id: 'gitops',
          name: 'Render the Argo CD Application',
          action: 'stalwart:gitops:render',
          input: { spec: argoCdSpec },
        },
      ],
    }),
  },
];
