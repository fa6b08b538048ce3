import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { LocalGitOpsConfig } from '../config/readLocalGitOpsConfig';
import { fileOnBranchUrl, repositoryUrl } from '../fleet-repository/fleetUrls';
import type {
  GitIdentity,
  LocalFleetRepository,
} from '../fleet-repository/LocalFleetRepository';
import { examples } from './publishLocal.examples';
import { instanceBranch, instanceFolder, parseSpecInput } from './helpers';
import { specInput } from './inputProperties';
import { readWorkspaceFolder } from './readWorkspaceFolder';
import type { PublishLocalAction } from './types';

/**
 * Options of {@link createPublishLocalAction}.
 *
 * @public
 */
export interface PublishLocalActionOptions {
  config: LocalGitOpsConfig;
  /** Opens (creating on first use) the local fleet repository. */
  repository: () => Promise<LocalFleetRepository>;
}

type UserContext = {
  ref?: string;
  entity?: { spec?: { profile?: { displayName?: string; email?: string } } };
};

function authorOf(user: UserContext | undefined): GitIdentity {
  const profile = user?.entity?.spec?.profile;
  const name = profile?.displayName ?? user?.ref ?? 'Backstage user';
  const email =
    profile?.email ??
    `${(user?.ref ?? 'user').replace(
      /[^A-Za-z0-9._-]+/g,
      '.',
    )}@backstage.invalid`;
  return { name, email };
}

/**
 * `stalwart:publish:local`: commits the rendered instance folder into the local fleet
 * repository on a new branch `stalwart/<name>`; the embedded default's stand-in for a pull
 * request.
 *
 * @public
 */
export function createPublishLocalAction(
  options: PublishLocalActionOptions,
): PublishLocalAction {
  const { config, repository } = options;
  return createTemplateAction({
    id: 'stalwart:publish:local',
    description:
      'Commits the rendered instance folder into the local fleet repository (stalwart.gitops.localRepository) on a new branch stalwart/<name>, touching nothing outside gitops.path and refusing an existing branch or instance folder unless the spec says update: true. Atomic: the branch ref moves last, under a lock.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        spec: specInput,
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder holding the rendered files; defaults to the spec’s gitops.path.',
            ),
        commitMessage: z =>
          z
            .string()
            .max(2000)
            .optional()
            .describe(
              'Commit message; defaults to "Add Stalwart instance <name>".',
            ),
      },
      output: {
        commitSha: z =>
          z.string().optional().describe('The commit (absent in a dry run).'),
        branch: z => z.string().describe('The branch: stalwart/<name>.'),
        baseSha: z =>
          z.string().optional().describe('The commit the branch starts from.'),
        remoteUrl: z =>
          z.string().describe('file:// URL of the fleet repository.'),
        catalogInfoUrl: z =>
          z
            .string()
            .describe(
              'URL of the committed catalog-info.yaml on the branch, for catalog:register.',
            ),
        replacedFolder: z =>
          z
            .boolean()
            .describe(
              'Whether an existing instance folder was replaced (update: true).',
            ),
      },
    },
    async handler(ctx) {
      const spec = parseSpecInput(ctx.input.spec);
      const sourceFolder = instanceFolder(
        spec,
        ctx.input.sourcePath,
        'sourcePath',
      );
      const files = await readWorkspaceFolder(
        resolveSafeChildPath(ctx.workspacePath, sourceFolder),
        'sourcePath',
      );
      const request = {
        branch: instanceBranch(spec),
        folder: spec.gitops.path,
        files,
        update: spec.update,
        message:
          ctx.input.commitMessage ?? `Add Stalwart instance ${spec.name}`,
        author: authorOf(ctx.user as UserContext | undefined),
      };
      const dir = config.localRepository;
      ctx.output('branch', request.branch);
      ctx.output('remoteUrl', repositoryUrl(dir));
      ctx.output(
        'catalogInfoUrl',
        fileOnBranchUrl(
          dir,
          request.branch,
          posix.join(spec.gitops.path, 'catalog-info.yaml'),
        ),
      );

      if (ctx.isDryRun) {
        if (existsSync(join(dir, '.git'))) {
          const plan = await (await repository()).check(request);
          ctx.output('baseSha', plan.baseSha);
          ctx.output('replacedFolder', plan.replacedFolder);
        } else {
          ctx.output('replacedFolder', false);
        }
        ctx.logger.info(
          `Dry run: would commit ${files.length} files to ${spec.gitops.path} on ${request.branch} of ${dir}`,
        );
        return;
      }

      const result = await ctx.checkpoint({
        key: `publish-${spec.name}`,
        fn: async () => {
          const proposed = await (await repository()).propose(request);
          return {
            commitSha: proposed.commitSha!,
            baseSha: proposed.baseSha,
            replacedFolder: proposed.replacedFolder,
          };
        },
      });
      ctx.logger.info(
        `Committed ${files.length} files to ${spec.gitops.path} on ${request.branch} of ${dir} as ${result.commitSha}`,
      );
      ctx.output('commitSha', result.commitSha);
      ctx.output('baseSha', result.baseSha);
      ctx.output('replacedFolder', result.replacedFolder);
    },
  });
}
