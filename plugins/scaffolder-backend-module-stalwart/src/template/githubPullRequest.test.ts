import fs from 'node:fs';
import { setupServer } from 'msw/node';
import { mockGitHubPullRequests } from '@stalwart-backstage/test-harness';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import {
  parseInstanceSpec,
  renderInstance,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { minimalSpec } from '../actions/exampleSpecs';
import { renderInto } from '../__testUtils__/publishTesting';
import {
  actionContext,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

// The production path of the template: Backstage's own publish:github:pull-request proposing
// the rendered workspace, against a GitHub API mocked at the HTTP level.

describe('the GitHub pull request of a rendered instance', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it('proposes exactly the rendered instance folder on stalwart/<name>', async () => {
    const { blobs, trees, refs, pulls } = mockGitHubPullRequests(server, {
      owner: 'acme',
      repo: 'fleet',
    });

    const workspace = `${tmp.dir}/ws`;
    await renderInto(workspace, minimalSpec as any);
    const parsed = parseInstanceSpec(minimalSpec);
    if (!parsed.ok) throw new Error('example spec is invalid');
    const { spec } = parsed;

    const action = createPublishGithubPullRequestAction({
      integrations: ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: {
            github: [{ host: 'github.com', token: 'test-token' }],
          },
        }),
      ),
    });
    const { ctx, outputs } = actionContext(
      {
        repoUrl: 'github.com?owner=acme&repo=fleet',
        branchName: `stalwart/${spec.name}`,
        title: `Add Stalwart instance ${spec.name}`,
        description: 'rendered by the template',
        sourcePath: spec.gitops.path,
        targetPath: spec.gitops.path,
      },
      workspace,
    );
    await action.handler(ctx);

    const expected = await renderInstance(spec, {
      owner: 'group:default/mail-admins',
    });
    const proposed = Object.fromEntries(
      trees[0].tree.map((entry: any) => [
        entry.path,
        entry.content ?? blobs.get(entry.sha),
      ]),
    );
    expect(trees[0].base_tree).toBe('base-tree');
    expect(Object.keys(proposed).sort()).toEqual(
      expected.map(f => `${spec.gitops.path}/${f.path}`).sort(),
    );
    for (const file of expected) {
      expect(proposed[`${spec.gitops.path}/${file.path}`]).toBe(file.content);
      expect(
        fs.readFileSync(
          `${workspace}/${spec.gitops.path}/${file.path}`,
          'utf8',
        ),
      ).toBe(file.content);
    }
    expect(refs).toEqual([
      { sha: 'new-commit', ref: 'refs/heads/stalwart/mail-demo' },
    ]);
    expect(pulls[0]).toMatchObject({
      head: 'acme:stalwart/mail-demo',
      base: 'main',
      title: 'Add Stalwart instance mail-demo',
    });
    expect(outputs()).toMatchObject({
      remoteUrl: 'https://github.com/acme/fleet/pull/7',
      pullRequestNumber: 7,
      targetBranchName: 'main',
    });
  });
});
