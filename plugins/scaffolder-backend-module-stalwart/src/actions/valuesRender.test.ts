import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { InputError } from '@backstage/errors';
import {
  parseInstanceSpec,
  renderValues,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { createValuesRenderAction } from './valuesRender';
import { minimalSpec } from './exampleSpecs';
import {
  actionContext,
  listFiles,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:values:render', () => {
  const action = createValuesRenderAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it('writes values.yaml into the instance folder and outputs its digest', async () => {
    const workspace = `${tmp.dir}/default`;
    const { ctx, outputs } = actionContext(
      { spec: minimalSpec as any },
      workspace,
    );
    await action.handler(ctx);

    const written = fs.readFileSync(
      `${workspace}/clusters/local/mail-demo/values.yaml`,
      'utf8',
    );
    const parsed = parseInstanceSpec(minimalSpec);
    expect(parsed.ok && written).toBe(parsed.ok && renderValues(parsed.spec));
    expect(listFiles(workspace)).toEqual([
      'clusters/local/mail-demo/values.yaml',
    ]);
    expect(outputs()).toEqual({
      files: ['clusters/local/mail-demo/values.yaml'],
      path: 'clusters/local/mail-demo',
      valuesDigest: `sha256:${createHash('sha256')
        .update(written)
        .digest('hex')}`,
    });
  });

  it('writes into targetPath when given', async () => {
    const workspace = `${tmp.dir}/target`;
    const { ctx, outputs } = actionContext(
      { spec: minimalSpec as any, targetPath: 'preview' },
      workspace,
    );
    await action.handler(ctx);
    expect(listFiles(workspace)).toEqual(['preview/values.yaml']);
    expect(outputs().path).toBe('preview');
  });

  it.each([
    '../outside',
    'preview/../../outside',
    '/tmp/outside',
    'a\\..\\..',
    '.',
  ])(
    'refuses the targetPath %j, naming the input, and writes nothing',
    async targetPath => {
      const workspace = `${tmp.dir}/escape`;
      const { ctx, outputs } = actionContext(
        { spec: minimalSpec as any, targetPath },
        workspace,
      );
      await expect(action.handler(ctx)).rejects.toThrow(
        new InputError(
          'targetPath: must be a folder inside the workspace: a relative path without a leading "/", ".." above the workspace or a backslash',
        ),
      );
      expect(listFiles(workspace)).toEqual([]);
      expect(fs.existsSync(`${tmp.dir}/outside`)).toBe(false);
      expect(outputs()).toEqual({});
    },
  );
});
