import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

/**
 * GitHub's REST API for one repository as octokit's createPullRequest (behind Backstage's
 * `publish:github:pull-request`) calls it, at the HTTP level: answers as GitHub does and records
 * the blobs (decoded, by sha), trees, refs and pull requests it is sent. Branches and pull
 * requests it created exist afterwards, and a second one of the same name is refused with
 * GitHub's own 422, so two publishers racing for one branch meet as they would on GitHub.
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
  const branches = new Set<string>();
  const headOf = (ref: unknown) =>
    decodeURIComponent(String(ref)).replace(/^(refs\/)?heads\//, '');
  const pullFor = (head: string) =>
    pulls.findIndex(pull => pull.head === `${owner}:${head}`);
  server.use(
    // Octokit sends `heads/<branch>` as one encoded path segment.
    http.get(`${api}/git/ref/:ref`, ({ params }) =>
      branches.has(headOf(params.ref))
        ? HttpResponse.json({
            ref: `refs/heads/${headOf(params.ref)}`,
            object: { sha: 'new-commit' },
          })
        : HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
    ),
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
    http.post('https://api.github.com/graphql', async ({ request }) => {
      const { variables } = (await request.json()) as any;
      const head = String(variables.head);
      const pull = pullFor(head);
      return HttpResponse.json({
        data: {
          repository: {
            ref: branches.has(head)
              ? {
                  associatedPullRequests: {
                    edges:
                      pull < 0
                        ? []
                        : [
                            {
                              node: {
                                id: `PR_${pull}`,
                                number: pullNumber + pull,
                                url: `https://github.com/${owner}/${repo}/pull/${
                                  pullNumber + pull
                                }`,
                              },
                            },
                          ],
                  },
                }
              : null,
          },
        },
      });
    }),
    http.post(`${api}/git/refs`, async ({ request }) => {
      const body = (await request.json()) as any;
      const branch = headOf(body.ref);
      if (branches.has(branch))
        return HttpResponse.json(
          {
            message: 'Reference already exists',
            documentation_url:
              'https://docs.github.com/rest/git/refs#create-a-reference',
            status: '422',
          },
          { status: 422 },
        );
      branches.add(branch);
      refs.push(body);
      return HttpResponse.json({}, { status: 201 });
    }),
    http.patch(`${api}/git/refs/:ref`, async ({ request }) => {
      refs.push(await request.json());
      return HttpResponse.json({});
    }),
    http.get(`${api}/pulls`, ({ request }) => {
      const head = new URL(request.url).searchParams.get('head');
      return HttpResponse.json(
        pulls
          .map((pull, index) => ({
            number: pullNumber + index,
            html_url: `https://github.com/${owner}/${repo}/pull/${
              pullNumber + index
            }`,
            head: {
              ref: String(pull.head).replace(`${owner}:`, ''),
              repo: { full_name: `${owner}/${repo}` },
            },
            base: { ref: pull.base },
            body: pull.body,
          }))
          .filter(pull => !head || `${owner}:${pull.head.ref}` === head),
      );
    }),
    http.post(`${api}/pulls`, async ({ request }) => {
      const body = (await request.json()) as any;
      const head = String(body.head).replace(`${owner}:`, '');
      if (pullFor(head) >= 0)
        return HttpResponse.json(
          {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'PullRequest',
                code: 'custom',
                message: `A pull request already exists for ${body.head}.`,
              },
            ],
            documentation_url:
              'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
            status: '422',
          },
          { status: 422 },
        );
      const number = pullNumber + pulls.push(body) - 1;
      return HttpResponse.json(
        {
          number,
          html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
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
