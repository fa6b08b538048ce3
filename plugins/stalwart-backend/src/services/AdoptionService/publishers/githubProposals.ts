import type {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import { adoptedItemIds } from '../commitMessage';
import type { HostedRepository } from './hostedRepository';
import type { AdoptionProposal } from './types';

/**
 * The adoption pull requests of a GitHub fleet repository, read with the credentials the github
 * integration gives for it (a token or a GitHub App installation), as the publish action does.
 */
export function githubProposals(
  hosted: HostedRepository,
  integrations: ScmIntegrationRegistry,
  credentials: GithubCredentialsProvider,
) {
  const { owner, repo } = hosted;
  const octokit = async () => {
    const { token } = await credentials.getCredentials({
      url: `https://${hosted.host}/${owner}/${repo}`,
    });
    return new Octokit({
      auth: token,
      baseUrl: integrations.github.byHost(hosted.host)?.config.apiBaseUrl,
    });
  };
  const openPulls = async (query: { head?: string; base?: string }) => {
    const client = await octokit();
    const pulls = [];
    for (let page = 1; ; page++) {
      const { data } = await client.rest.pulls.list({
        owner,
        repo,
        state: 'open',
        per_page: 100,
        page,
        ...query,
      });
      pulls.push(...data);
      if (data.length < 100) break;
    }
    // The publish action puts the commit message in the description: its trailers name the items.
    return pulls.map(pull => ({
      branch: pull.head.ref,
      fromFork: pull.head.repo?.full_name !== `${owner}/${repo}`,
      itemIds: adoptedItemIds(pull.body),
      url: pull.html_url,
    }));
  };
  const proposal = ({ branch, itemIds, url }: AdoptionProposal) => ({
    branch,
    itemIds,
    url,
  });

  return {
    async proposals(branchPrefix: string): Promise<AdoptionProposal[]> {
      const pulls = await openPulls({ base: hosted.branch });
      return pulls
        .filter(p => !p.fromFork && p.branch.startsWith(branchPrefix))
        .map(proposal)
        .sort((a, b) => a.branch.localeCompare(b.branch));
    },

    async existing(branch: string): Promise<AdoptionProposal | undefined> {
      const client = await octokit();
      try {
        await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
      const [pull] = await openPulls({ head: `${owner}:${branch}` });
      return pull ? proposal(pull) : { branch, itemIds: [] };
    },
  };
}
