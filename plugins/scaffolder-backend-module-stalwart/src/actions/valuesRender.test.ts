import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { NotAllowedError } from '@backstage/errors';
import {
  parseInstanceSpec,
  renderValues,
} from '@stalwart-backstage/plugin-stalwart-common';
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

  it('refuses a targetPath outside the workspace and writes nothing', async () => {
    const workspace = `${tmp.dir}/escape`;
    const { ctx, outputs } = actionContext(
      { spec: minimalSpec as any, targetPath: '../outside' },
      workspace,
    );
    await expect(action.handler(ctx)).rejects.toThrow(NotAllowedError);
    expect(listFiles(tmp.dir).filter(f => f.startsWith('outside'))).toEqual([]);
    expect(outputs()).toEqual({});
  });
});
