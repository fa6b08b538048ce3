import { ConflictError, ResponseError } from '@backstage/errors';
import {
  getGitLabRequestOptions,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import { adoptedItemIds } from '../commitMessage';
import type { HostedRepository } from './hostedRepository';
import type {
  AdoptionChange,
  AdoptionProposal,
  ProposedAdoption,
} from './types';

interface MergeRequest {
  source_branch: string;
  source_project_id: number;
  target_project_id: number;
  description: string | null;
  web_url: string;
}

/**
 * The adoption merge requests of a GitLab fleet repository over its REST API, with the gitlab
 * integration's token. Proposing commits here too: `publish:gitlab:merge-request` commits with
 * the merge request's title as the whole message, which would drop the `Adopts-Item` trailers.
 */
export function gitlabProposals(
  hosted: HostedRepository,
  integrations: ScmIntegrationRegistry,
) {
  const integration = integrations.gitlab.byHost(hosted.host);
  if (!integration)
    throw new Error(`No gitlab integration is configured for ${hosted.host}`);
  const project = `${
    integration.config.apiBaseUrl
  }/projects/${encodeURIComponent(`${hosted.owner}/${hosted.repo}`)}`;
  const request = async (
    path: string,
    init: { method?: string; body?: unknown } = {},
  ) =>
    fetch(`${project}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...getGitLabRequestOptions(integration.config).headers,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  const json = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  };
  const openMergeRequests = async (query: Record<string, string>) => {
    const found: MergeRequest[] = [];
    for (let page = 1; ; page++) {
      const params = new URLSearchParams({
        state: 'opened',
        per_page: '100',
        page: String(page),
        ...query,
      });
      const batch = await json<MergeRequest[]>(
        await request(`/merge_requests?${params}`),
      );
      found.push(...batch);
      if (batch.length < 100) break;
    }
    return found
      .filter(mr => mr.source_project_id === mr.target_project_id)
      .map(mr => ({
        branch: mr.source_branch,
        // The description is the commit message the adoption was proposed with.
        itemIds: adoptedItemIds(mr.description),
        url: mr.web_url,
      }));
  };

  return {
    async proposals(branchPrefix: string): Promise<AdoptionProposal[]> {
      const requests = await openMergeRequests({
        target_branch: hosted.branch,
      });
      return requests
        .filter(mr => mr.branch.startsWith(branchPrefix))
        .sort((a, b) => a.branch.localeCompare(b.branch));
    },

    async existing(branch: string): Promise<AdoptionProposal | undefined> {
      const response = await request(
        `/repository/branches/${encodeURIComponent(branch)}`,
      );
      if (response.status === 404) return undefined;
      await json(response);
      const [mr] = await openMergeRequests({ source_branch: branch });
      return mr ?? { branch, itemIds: [] };
    },

    async propose(change: AdoptionChange): Promise<ProposedAdoption> {
      // One call creates the branch from the target branch and commits on it, so a branch
      // made in between is refused rather than reused.
      const commit = await request('/repository/commits', {
        method: 'POST',
        body: {
          branch: change.branch,
          start_branch: hosted.branch,
          commit_message: change.message,
          author_name: change.author.name,
          author_email: change.author.email,
          actions: change.files.map(file => ({
            action: 'update',
            file_path: `${change.folder}/${file.path}`,
            encoding: 'base64',
            content: Buffer.from(file.content).toString('base64'),
          })),
        },
      });
      if (commit.status === 400) {
        const { message } = (await commit
          .clone()
          .json()
          .catch(() => ({}))) as { message?: string };
        if (/already exists/i.test(String(message)))
          throw new ConflictError(`Branch ${change.branch} already exists`);
      }
      await json(commit);
      const mergeRequest = await json<{ web_url: string }>(
        await request('/merge_requests', {
          method: 'POST',
          body: {
            source_branch: change.branch,
            target_branch: hosted.branch,
            title: change.title,
            description: change.message,
            remove_source_branch: true,
          },
        }),
      );
      return { url: mergeRequest.web_url };
    },
  };
}
