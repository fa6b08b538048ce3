import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { classifyDriftV016 } from '@stalwart-backstage/plugin-stalwart-node';
import { mockGitHubPullRequests } from '@stalwart-backstage/test-harness';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ResolvedInstance } from '../InstanceResolver/types';
// The demo's drift input is test data of the node package, not part of its published API.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { edgeInput } from '../../../../stalwart-node/src/drift/__testUtils__/edgeDemo';
import { createAdoptionService } from './createAdoptionService';
import {
  entityFrom,
  testHostedPublishers,
} from './publishers/__testUtils__/hostedFixtures';

const input = edgeInput();
const ITEM = 'x:SystemSettings/singleton/maxConnections';
const GITHUB = 'https://api.github.com/repos/acme/fleet';
const GITLAB = 'https://gitlab.com/api/v4/projects/mail%2Fops%2Ffleet';
const credentials = mockCredentials.user('user:default/ops');
const instance = {
  entityRef: 'component:default/mail-edge',
} as ResolvedInstance;

function serviceFor(location: string) {
  const { hosted } = testHostedPublishers(input.plan);
  const report = classifyDriftV016(input);
  return createAdoptionService({
    drift: {
      read: async () => ({ entity: entityFrom(location), report } as any),
      toResponse: () => {
        throw new Error('unused');
      },
    },
    publisherFor: (entity, creds) => hosted.forEntity(entity, creds)!,
    planDirectories: [],
    auditor: mockServices.auditor.mock(),
  });
}

const adopt = (
  service: ReturnType<typeof serviceFor>,
  dryRun: boolean,
): ReturnType<ReturnType<typeof serviceFor>['adopt']> =>
  service.adopt({
    instance,
    credentials: credentials as any,
    itemIds: [ITEM],
    dryRun,
  });

describe('adoptions proposed in a hosted fleet repository', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  describe('on GitHub', () => {
    const location =
      'https://github.com/acme/fleet/blob/main/edge/mail/catalog-info.yaml';
    const pull = (n: number, branch: string, body: string | null) => ({
      number: n,
      html_url: `https://github.com/acme/fleet/pull/${n}`,
      head: { ref: branch, repo: { full_name: 'acme/fleet' } },
      base: { ref: 'main' },
      body,
    });

    it('lists the open pull requests of the instance folder as proposed, with their links', async () => {
      const queries: string[] = [];
      server.use(
        http.get(`${GITHUB}/pulls`, ({ request }) => {
          queries.push(new URL(request.url).search);
          return HttpResponse.json([
            pull(
              3,
              'stalwart-adopt/edge/mail/abc',
              `Keep\n\nAdopts-Item: ${ITEM}`,
            ),
            pull(4, 'stalwart-adopt/core/mail/def', 'Adopts-Item: x:Other'),
            pull(5, 'renovate/helm', null),
          ]);
        }),
      );

      await expect(
        serviceFor(location).proposed(
          { ...instance, entity: entityFrom(location) },
          credentials,
        ),
      ).resolves.toEqual([
        {
          branch: 'stalwart-adopt/edge/mail/abc',
          itemIds: [ITEM],
          url: 'https://github.com/acme/fleet/pull/3',
        },
      ]);
      expect(queries).toEqual([
        expect.stringMatching(/state=open.*base=main|base=main.*state=open/),
      ]);
    });

    it('refuses an adoption whose branch already exists with 409 naming the pull request, and writes nothing', async () => {
      const service = serviceFor(location);
      const { branch } = await adopt(service, true);
      const github = mockGitHubPullRequests(server, {
        owner: 'acme',
        repo: 'fleet',
      });
      server.use(
        http.get(`${GITHUB}/git/ref/*`, () =>
          HttpResponse.json({
            ref: `refs/heads/${branch}`,
            object: { sha: 'x' },
          }),
        ),
        http.get(`${GITHUB}/pulls`, ({ request }) =>
          HttpResponse.json(
            new URL(request.url).searchParams.get('head') === `acme:${branch}`
              ? [pull(9, branch, `Keep\n\nAdopts-Item: ${ITEM}`)]
              : [],
          ),
        ),
      );

      const refusal = await adopt(service, false).catch(e => e);
      expect(refusal.name).toBe('ConflictError');
      expect(refusal.message).toBe(
        `Another adoption of the same settings is already proposed on branch ${branch} (https://github.com/acme/fleet/pull/9): review or merge that one`,
      );
      expect(github.blobs.size + github.trees.length + github.refs.length).toBe(
        0,
      );
      expect(github.pulls).toEqual([]);
    });

    it('opens the pull request when the branch does not exist yet', async () => {
      const service = serviceFor(location);
      const github = mockGitHubPullRequests(server, {
        owner: 'acme',
        repo: 'fleet',
        pullNumber: 12,
      });
      server.use(
        http.get(`${GITHUB}/git/ref/*`, () =>
          HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
        ),
      );

      await expect(adopt(service, false)).resolves.toMatchObject({
        url: github.pullUrl,
      });
      expect(github.pulls).toHaveLength(1);
    });

    it('lets one of two simultaneous adoptions of the same setting open the pull request and refuses the other with 409 naming the branch', async () => {
      const github = mockGitHubPullRequests(server, {
        owner: 'acme',
        repo: 'fleet',
        pullNumber: 12,
      });

      // Both pass the existence check before either creates the branch.
      const results = await Promise.allSettled([
        adopt(serviceFor(location), false),
        adopt(serviceFor(location), false),
      ]);

      const opened = results.filter(r => r.status === 'fulfilled');
      const refused = results.flatMap(r =>
        r.status === 'rejected' ? [r.reason] : [],
      );
      expect(opened).toEqual([
        {
          status: 'fulfilled',
          value: expect.objectContaining({ url: github.pullUrl }),
        },
      ]);
      expect(refused).toHaveLength(1);
      expect(refused[0].name).toBe('ConflictError');
      expect(refused[0].message).toMatch(
        /^Another adoption of the same settings is already proposed on branch stalwart-adopt\/edge\/mail\/\w+: review or merge that one$/,
      );
      expect(github.pulls).toHaveLength(1);
    });
  });

  describe('on GitLab', () => {
    const location =
      'https://gitlab.com/mail/ops/fleet/-/blob/main/edge/mail/catalog-info.yaml';
    const mr = (iid: number, branch: string, description: string | null) => ({
      iid,
      source_branch: branch,
      source_project_id: 8,
      target_project_id: 8,
      description,
      web_url: `https://gitlab.com/mail/ops/fleet/-/merge_requests/${iid}`,
    });

    it('lists the open merge requests of the instance folder as proposed, with their links', async () => {
      const queries: URLSearchParams[] = [];
      server.use(
        http.get(`${GITLAB}/merge_requests`, ({ request }) => {
          queries.push(new URL(request.url).searchParams);
          return HttpResponse.json([
            mr(
              4,
              'stalwart-adopt/edge/mail/abc',
              `Keep\n\nAdopts-Item: ${ITEM}`,
            ),
            mr(5, 'stalwart-adopt/edge/mailer/x', 'Adopts-Item: x:Other'),
            {
              ...mr(6, 'stalwart-adopt/edge/mail/fork', ''),
              source_project_id: 99,
            },
          ]);
        }),
      );

      await expect(
        serviceFor(location).proposed(
          { ...instance, entity: entityFrom(location) },
          credentials,
        ),
      ).resolves.toEqual([
        {
          branch: 'stalwart-adopt/edge/mail/abc',
          itemIds: [ITEM],
          url: 'https://gitlab.com/mail/ops/fleet/-/merge_requests/4',
        },
      ]);
      expect(
        queries.map(q => [q.get('state'), q.get('target_branch')]),
      ).toEqual([['opened', 'main']]);
    });

    it('refuses an adoption whose branch already exists with 409 naming the merge request, and writes nothing', async () => {
      const service = serviceFor(location);
      const { branch } = await adopt(service, true);
      const writes: string[] = [];
      server.use(
        http.get(`${GITLAB}/repository/branches/:branch`, () =>
          HttpResponse.json({ name: branch }),
        ),
        http.get(`${GITLAB}/merge_requests`, ({ request }) =>
          HttpResponse.json(
            new URL(request.url).searchParams.get('source_branch') === branch
              ? [mr(7, branch, `Keep\n\nAdopts-Item: ${ITEM}`)]
              : [],
          ),
        ),
        http.post(`${GITLAB}/*`, ({ request }) => {
          writes.push(request.url);
          return HttpResponse.json({}, { status: 201 });
        }),
      );

      const refusal = await adopt(service, false).catch(e => e);
      expect(refusal.name).toBe('ConflictError');
      expect(refusal.message).toBe(
        `Another adoption of the same settings is already proposed on branch ${branch} (https://gitlab.com/mail/ops/fleet/-/merge_requests/7): review or merge that one`,
      );
      expect(writes).toEqual([]);
    });

    it('commits the same message as the local path, Adopts-Item lines included, and opens the merge request', async () => {
      const service = serviceFor(location);
      const commits: any[] = [];
      const requests: any[] = [];
      server.use(
        http.get(`${GITLAB}/repository/branches/:branch`, () =>
          HttpResponse.json(
            { message: '404 Branch Not Found' },
            { status: 404 },
          ),
        ),
        http.get(`${GITLAB}/merge_requests`, () => HttpResponse.json([])),
        http.post(`${GITLAB}/repository/commits`, async ({ request }) => {
          commits.push(await request.json());
          return HttpResponse.json({ id: 'c0ffee' }, { status: 201 });
        }),
        http.post(`${GITLAB}/merge_requests`, async ({ request }) => {
          requests.push(await request.json());
          return HttpResponse.json(
            {
              iid: 8,
              web_url: 'https://gitlab.com/mail/ops/fleet/-/merge_requests/8',
            },
            { status: 201 },
          );
        }),
      );

      const result = await adopt(service, false);

      expect(result.url).toBe(
        'https://gitlab.com/mail/ops/fleet/-/merge_requests/8',
      );
      expect(commits).toHaveLength(1);
      expect(commits[0]).toMatchObject({
        branch: result.branch,
        start_branch: 'main',
        commit_message: `Keep the live value of 1 setting(s) of component:default/mail-edge\n\nAdopts-Item: ${ITEM}`,
      });
      expect(
        commits[0].actions.map((a: any) => [a.action, a.file_path]),
      ).toEqual([['update', 'edge/mail/settings-plan.ndjson']]);
      expect(
        Buffer.from(commits[0].actions[0].content, 'base64').toString(),
      ).toContain('"maxConnections":20000');
      expect(requests).toEqual([
        expect.objectContaining({
          source_branch: result.branch,
          target_branch: 'main',
          description: commits[0].commit_message,
        }),
      ]);
    });
  });
});
