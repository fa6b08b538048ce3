import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockGitHubPullRequests } from '@stalwart-backstage/test-harness';
import { hostedPublishers } from './hostedPublisher';

const PLAN = '{"@type":"update","object":"SystemSettings","value":{}}\n';
const ADOPTED =
  '{"@type":"update","object":"SystemSettings","value":{"maxConnections":20000}}\n';
const BRANCH = 'stalwart-adopt/edge/mail/1hgqlov68ln';
const CHANGE = {
  folder: 'edge/mail',
  branch: BRANCH,
  files: [{ path: 'settings-plan.ndjson', content: ADOPTED }],
  title: 'Keep the live value of 1 setting(s) of component:default/mail-edge',
  message:
    'Keep the live value of 1 setting(s) of component:default/mail-edge\n\nAdopts-Item: x:SystemSettings/singleton/maxConnections',
  author: {
    name: 'user:default/ops',
    email: 'user.default.ops@backstage.invalid',
  },
};
const credentials = mockCredentials.user('user:default/ops');

const entityFrom = (location: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail-edge',
    annotations: {
      'backstage.io/managed-by-location': `url:${location}`,
      'stalwart.io/gitops-path': 'edge/mail',
    },
  },
});

function publishers() {
  const urlReader = mockServices.urlReader.mock({
    readUrl: async () => ({ buffer: async () => Buffer.from(PLAN) }),
  });
  const hosted = hostedPublishers({
    config: new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: 'ghp-test' }],
        gitlab: [
          {
            host: 'gitlab.com',
            token: 'glpat-test',
            apiBaseUrl: 'https://gitlab.com/api/v4',
          },
        ],
      },
    }),
    urlReader,
    logger: mockServices.logger.mock(),
  });
  return { hosted, urlReader };
}

describe('hostedPublishers', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('leaves an instance read from elsewhere to the local fleet repository', () => {
    const { hosted } = publishers();
    expect(
      hosted.forEntity(
        entityFrom('https://git.example.org/fleet/edge/mail/catalog-info.yaml'),
        credentials,
      ),
    ).toBeUndefined();
  });

  it('reads the plan beside the catalog file on GitHub and opens a pull request changing only that file', async () => {
    const github = mockGitHubPullRequests(server, {
      owner: 'acme',
      repo: 'fleet',
      pullNumber: 12,
    });
    const { hosted, urlReader } = publishers();
    const publisher = hosted.forEntity(
      entityFrom(
        'https://github.com/acme/fleet/blob/main/edge/mail/catalog-info.yaml',
      ),
      credentials,
    )!;

    expect(await publisher.readPlan('edge/mail')).toBe(PLAN);
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://github.com/acme/fleet/blob/main/edge/mail/settings-plan.ndjson',
    );
    await expect(publisher.propose(CHANGE)).resolves.toEqual({
      url: github.pullUrl,
    });
    expect(github.trees.flatMap(t => t.tree.map((e: any) => e.path))).toEqual([
      'edge/mail/settings-plan.ndjson',
    ]);
    expect([...github.blobs.values()]).toEqual([ADOPTED]);
    expect(github.pulls).toEqual([
      expect.objectContaining({
        head: `acme:${BRANCH}`,
        base: 'main',
        title: CHANGE.title,
      }),
    ]);
  });

  it('opens a GitLab merge request that updates only the plan of the instance folder', async () => {
    const API = 'https://gitlab.com/api/v4/projects/mail%2Fops%2Ffleet';
    const commits: any[] = [];
    const requests: any[] = [];
    server.use(
      http.post(`${API}/repository/commits`, async ({ request }) => {
        commits.push(await request.json());
        return HttpResponse.json({ id: 'c0ffee' }, { status: 201 });
      }),
      http.post(`${API}/merge_requests`, async ({ request }) => {
        requests.push(await request.json());
        return HttpResponse.json(
          {
            iid: 4,
            web_url: 'https://gitlab.com/mail/ops/fleet/-/merge_requests/4',
          },
          { status: 201 },
        );
      }),
    );
    const { hosted } = publishers();
    const publisher = hosted.forEntity(
      entityFrom(
        'https://gitlab.com/mail/ops/fleet/-/blob/main/edge/mail/catalog-info.yaml',
      ),
      credentials,
    )!;

    await expect(publisher.propose(CHANGE)).resolves.toEqual({
      url: 'https://gitlab.com/mail/ops/fleet/-/merge_requests/4',
    });
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({ branch: BRANCH });
    expect(
      commits[0].actions.map((a: any) => ({
        action: a.action,
        file_path: a.file_path,
        content: Buffer.from(a.content, 'base64').toString(),
      })),
    ).toEqual([
      {
        action: 'update',
        file_path: 'edge/mail/settings-plan.ndjson',
        content: ADOPTED,
      },
    ]);
    expect(requests).toEqual([
      expect.objectContaining({
        source_branch: BRANCH,
        target_branch: 'main',
        title: CHANGE.title,
      }),
    ]);
  });
});
