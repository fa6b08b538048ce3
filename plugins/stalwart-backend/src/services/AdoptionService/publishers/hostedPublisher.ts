import type {
  BackstageCredentials,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  type Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { SETTINGS_PLAN_PATH } from '@stalwart-backstage/plugin-stalwart-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { githubProposals } from './githubProposals';
import { gitlabProposals } from './gitlabProposals';
import { hostedRepository, type HostedRepository } from './hostedRepository';
import type { AdoptionChange, AdoptionPublisher } from './types';

/**
 * Adoptions as GitHub pull requests, opened by the very action the Stalwart template publishes
 * new instances with (`publish:github:pull-request`), or GitLab merge requests (see
 * gitlabProposals for why not its action), with the integrations' credentials.
 */
export function hostedPublishers(options: {
  config: Config;
  urlReader: UrlReaderService;
  logger: LoggerService;
}) {
  const integrations = ScmIntegrations.fromConfig(options.config);
  // One provider for listing and publishing: it caches GitHub App installation tokens.
  const githubCredentialsProvider =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  const pullRequestAction = createPublishGithubPullRequestAction({
    integrations,
    githubCredentialsProvider,
    config: options.config,
  });

  const openPullRequest = async (
    hosted: HostedRepository,
    change: AdoptionChange,
    credentials: BackstageCredentials,
  ) => {
    const workspace = await fs.mkdtemp(
      path.join(os.tmpdir(), 'stalwart-adoption-'),
    );
    try {
      for (const file of change.files) {
        const target = path.join(workspace, file.path);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, file.content);
      }
      const input = {
        repoUrl: hosted.repoUrl,
        branchName: change.branch,
        targetBranchName: hosted.branch,
        title: change.title,
        description: change.message,
        sourcePath: '.',
        targetPath: change.folder,
        commitMessage: change.message,
        gitAuthorName: change.author.name,
        gitAuthorEmail: change.author.email,
      };
      const output: Record<string, unknown> = {};
      await (pullRequestAction.handler as (ctx: unknown) => Promise<void>)(
        actionContext({
          input,
          workspace,
          output,
          credentials,
          logger: options.logger,
        }),
      ).catch(error => {
        throw branchTaken(error)
          ? new ConflictError(`Branch ${change.branch} already exists`)
          : error;
      });
      const url = output.remoteUrl;
      return { url: typeof url === 'string' ? url : undefined };
    } finally {
      await fs.rm(workspace, { recursive: true, force: true });
    }
  };

  return {
    /** The publisher for an entity read from GitHub or GitLab, or undefined. */
    forEntity(
      entity: Entity,
      credentials: BackstageCredentials,
    ): AdoptionPublisher | undefined {
      const hosted = hostedRepository(entity, integrations);
      if (!hosted) return undefined;
      const { target } = parseLocationRef(
        entity.metadata.annotations![ANNOTATION_LOCATION],
      );
      const reviews =
        hosted.type === 'github'
          ? {
              ...githubProposals(
                hosted,
                integrations,
                githubCredentialsProvider,
              ),
              propose: (change: AdoptionChange) =>
                openPullRequest(hosted, change, credentials),
            }
          : gitlabProposals(hosted, integrations);
      return {
        ...reviews,
        async readPlan() {
          const url = new URL(SETTINGS_PLAN_PATH, target).href;
          const response = await options.urlReader.readUrl(url);
          return (await response.buffer()).toString('utf8');
        },
      };
    },
  };
}

/**
 * Whether GitHub refused the pull request because a simultaneous adoption of the same items
 * created its branch or opened its pull request first: both pass the existence check, and
 * GitHub's 422 on the second ref or pull request is what tells them apart.
 */
function branchTaken(error: unknown): boolean {
  for (let e = error as any; e; e = e.cause) {
    const said = [
      e.message,
      ...(e.response?.data?.errors ?? []).map((x: any) => x?.message),
    ].join(' ');
    if (/Pull request already exists/i.test(said)) return true;
    if (
      e.status === 422 &&
      /(Reference|pull request) already exists/i.test(said)
    )
      return true;
  }
  return false;
}

/** What a publish action reads of a scaffolder task's context, outside of any task. */
function actionContext(options: {
  input: Record<string, unknown>;
  workspace: string;
  output: Record<string, unknown>;
  credentials: BackstageCredentials;
  logger: LoggerService;
}): Partial<ActionContext<any, any>> {
  return {
    input: options.input,
    workspacePath: options.workspace,
    logger: options.logger,
    output: (name: string, value: unknown) => {
      options.output[name] = value;
    },
    checkpoint: (async ({ fn }: { fn: () => Promise<unknown> }) =>
      fn()) as ActionContext<any, any>['checkpoint'],
    createTemporaryDirectory: () =>
      fs.mkdtemp(path.join(options.workspace, '.tmp-')),
    getInitiatorCredentials: async () => options.credentials,
    isDryRun: false,
  };
}
