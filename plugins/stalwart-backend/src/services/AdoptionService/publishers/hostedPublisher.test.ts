import {
  mockCredentials,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { mockGitHubPullRequests } from '@stalwart-backstage/test-harness';
import {
  entityFrom,
  testHostedPublishers,
} from './__testUtils__/hostedFixtures';

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

const publishers = () => testHostedPublishers(PLAN);

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
});
