import { z } from 'zod/v3';
import { dnsLabel, url } from './fields';
import { DURATION, isRelativeRepoPath } from './rules';

export const gitopsSchema = z
  .object({
    engine: z
      .enum(['flux', 'argocd'])
      .describe('The GitOps controller that applies the files.'),
    path: z
      .string()
      .refine(
        isRelativeRepoPath,
        'must be a relative POSIX path without "..", "." or empty segments, a leading "/" or a backslash',
      )
      .describe('Folder of the GitOps repository the files are written to.'),
    interval: z
      .string()
      .regex(DURATION, 'must be a duration such as 10m or 1h')
      .default('30m')
      .describe('Flux reconciliation interval.'),
    fluxNamespace: dnsLabel()
      .default('flux-system')
      .describe(
        'Namespace of the Flux controllers and of the GitRepository that holds this folder.',
      ),
    gitRepository: dnsLabel()
      .default('flux-system')
      .describe('Name of the Flux GitRepository that holds this folder.'),
    argocd: z
      .object({
        namespace: dnsLabel()
          .default('argocd')
          .describe('Namespace Argo CD runs in.'),
        project: dnsLabel()
          .default('default')
          .describe('Argo CD project of the Application.'),
        destinationServer: url(['https'])
          .default('https://kubernetes.default.svc')
          .describe('API server of the destination cluster.'),
        repoURL: url(['https']).describe(
          'URL of the git repository holding gitops.path (the values source).',
        ),
        revision: z
          .string()
          .regex(
            /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/,
            'must be a branch, tag or commit',
          )
          .default('HEAD')
          .describe('Revision of the values repository to track.'),
      })
      .strict()
      .optional()
      .describe('Argo CD settings (engine argocd).'),
  })
  .strict()
  .describe('Where and how the rendered files are applied.');
