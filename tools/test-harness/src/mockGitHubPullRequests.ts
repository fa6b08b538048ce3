import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

/**
 * GitHub's REST API for one repository as octokit's createPullRequest (behind Backstage's
 * `publish:github:pull-request`) calls it, at the HTTP level: answers as GitHub does and records
 * the blobs (decoded, by sha), trees, refs and pull requests it is sent.
 */
export function mockGitHubPullRequests(
  server: SetupServer,
  options: { owner: string; repo: string; pullNumber?: number },
) {
  const { owner, repo } = options;
  const pullNumber = options.pullNumber ?? 7;
  const api = `https://api.github.com/repos/${owner}/${repo}`;
  const blobs = new Map<string, string>();
  const trees: any[] = [];
  const refs: any[] = [];
  const pulls: any[] = [];
  server.use(
    http.get(api, () =>
      HttpResponse.json({
        default_branch: 'main',
        permissions: { push: true },
      }),
    ),
    http.get(`${api}/commits`, () =>
      HttpResponse.json([
        { sha: 'base-commit', commit: { tree: { sha: 'base-tree' } } },
      ]),
    ),
    http.post(`${api}/git/blobs`, async ({ request }) => {
      const body = (await request.json()) as any;
      const sha = `blob-${blobs.size}`;
      blobs.set(
        sha,
        Buffer.from(
          body.content,
          body.encoding === 'base64' ? 'base64' : 'utf8',
        ).toString(),
      );
      return HttpResponse.json({ sha }, { status: 201 });
    }),
    http.post(`${api}/git/trees`, async ({ request }) => {
      trees.push(await request.json());
      return HttpResponse.json({ sha: 'new-tree' }, { status: 201 });
    }),
    http.post(`${api}/git/commits`, () =>
      HttpResponse.json({ sha: 'new-commit' }, { status: 201 }),
    ),
    http.post('https://api.github.com/graphql', () =>
      HttpResponse.json({ data: { repository: { ref: null } } }),
    ),
    http.post(`${api}/git/refs`, async ({ request }) => {
      refs.push(await request.json());
      return HttpResponse.json({}, { status: 201 });
    }),
    http.post(`${api}/pulls`, async ({ request }) => {
      pulls.push(await request.json());
      return HttpResponse.json(
        {
          number: pullNumber,
          html_url: `https://github.com/${owner}/${repo}/pull/${pullNumber}`,
          base: { ref: 'main' },
        },
        { status: 201 },
      );
    }),
  );
  return {
    blobs,
    trees,
    refs,
    pulls,
    pullUrl: `https://github.com/${owner}/${repo}/pull/${pullNumber}`,
  };
}
