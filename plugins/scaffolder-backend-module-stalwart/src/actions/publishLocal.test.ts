import fs from 'node:fs';
import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { minimalSpec } from './exampleSpecs';
import {
  gitCli,
  publishActionIn,
  renderInto,
} from '../__testUtils__/publishTesting';
import {
  actionContext,
  listFiles,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

// Each case renders every file and commits with isomorphic-git; slow on a shared CPU.
jest.setTimeout(30_000);

describe('stalwart:publish:local', () => {
  let tmp: ReturnType<typeof temporaryDirectory>;
  beforeEach(() => {
    tmp = temporaryDirectory();
  });
  afterEach(() => tmp.cleanup());

  it('commits the rendered folder on stalwart/<name> and outputs the commit, branch and URLs', async () => {
    const workspace = `${tmp.dir}/ws`;
    await renderInto(workspace, minimalSpec as any);
    const { dir, action } = publishActionIn(tmp.dir);
    const { ctx, outputs } = actionContext(
      { spec: minimalSpec as any },
      workspace,
    );
    await action.handler(ctx);

    const out = outputs();
    expect(out.commitSha).toBe(gitCli(dir, 'rev-parse', 'stalwart/mail-demo'));
    expect(out).toMatchObject({
      branch: 'stalwart/mail-demo',
      baseSha: gitCli(dir, 'rev-parse', 'main'),
      replacedFolder: false,
      remoteUrl: `file://${dir}`,
      catalogInfoUrl: `file://${dir}/-/blob/stalwart%2Fmail-demo/clusters/local/mail-demo/catalog-info.yaml`,
    });
    const committed = gitCli(
      dir,
      'ls-tree',
      '-r',
      '--name-only',
      'stalwart/mail-demo',
    )
      .split('\n')
      .filter(f => f.startsWith('clusters/'));
    expect(committed).toEqual(
      listFiles(workspace).filter(f => f.startsWith('clusters/')),
    );
    const values = fs.readFileSync(
      path.join(workspace, 'clusters/local/mail-demo/values.yaml'),
      'utf8',
    );
    expect(
      `${gitCli(
        dir,
        'show',
        'stalwart/mail-demo:clusters/local/mail-demo/values.yaml',
      )}\n`,
    ).toBe(values);
  });

  it('refuses a second run for the same name with a clear message and leaves the repository unchanged', async () => {
    const workspace = `${tmp.dir}/ws`;
    await renderInto(workspace, minimalSpec as any);
    const { dir, action } = publishActionIn(tmp.dir);
    await action.handler(
      actionContext({ spec: minimalSpec as any }, workspace).ctx,
    );
    const refs = gitCli(dir, 'show-ref');

    const { ctx, outputs } = actionContext(
      { spec: minimalSpec as any },
      workspace,
    );
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(
      /^Branch stalwart\/mail-demo already exists in the fleet repository .*: this instance was already proposed/,
    );
    expect(gitCli(dir, 'show-ref')).toBe(refs);
    expect(outputs().commitSha).toBeUndefined();
  });

  it('in a dry run checks and describes the commit without creating the repository', async () => {
    const workspace = `${tmp.dir}/ws`;
    await renderInto(workspace, minimalSpec as any);
    const { dir, action } = publishActionIn(tmp.dir);
    const { ctx, outputs } = actionContext(
      { spec: minimalSpec as any },
      workspace,
      {
        isDryRun: true,
      },
    );
    await action.handler(ctx);
    expect(fs.existsSync(dir)).toBe(false);
    expect(outputs()).toMatchObject({
      branch: 'stalwart/mail-demo',
      replacedFolder: false,
    });
    expect(outputs().commitSha).toBeUndefined();
  });

  it('in a dry run against an existing repository reports the conflict a real run would hit', async () => {
    const workspace = `${tmp.dir}/ws`;
    await renderInto(workspace, minimalSpec as any);
    const { dir, action } = publishActionIn(tmp.dir);
    await action.handler(
      actionContext({ spec: minimalSpec as any }, workspace).ctx,
    );
    const refs = gitCli(dir, 'show-ref');
    const { ctx } = actionContext({ spec: minimalSpec as any }, workspace, {
      isDryRun: true,
    });
    await expect(action.handler(ctx)).rejects.toThrow(ConflictError);
    expect(gitCli(dir, 'show-ref')).toBe(refs);
  });

  it('refuses to publish before anything was rendered, naming sourcePath', async () => {
    const { dir, action } = publishActionIn(tmp.dir);
    const { ctx } = actionContext(
      { spec: minimalSpec as any },
      `${tmp.dir}/empty`,
    );
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^sourcePath: the workspace has no folder/);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('refuses a sourcePath outside the workspace, naming it, and leaves the repository alone', async () => {
    const { dir, action } = publishActionIn(tmp.dir);
    const { ctx } = actionContext(
      { spec: minimalSpec as any, sourcePath: '../../' },
      `${tmp.dir}/ws`,
    );
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^sourcePath: must be a folder inside the workspace/,
    );
    expect(fs.existsSync(dir)).toBe(false);
  });
});
