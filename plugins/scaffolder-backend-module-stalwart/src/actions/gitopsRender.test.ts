import fs from 'node:fs';
import {
  parseInstanceSpec,
  renderGitOps,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { createGitOpsRenderAction } from './gitopsRender';
import { argoCdSpec, minimalSpec } from './exampleSpecs';
import {
  actionContext,
  listFiles,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:gitops:render', () => {
  const action = createGitOpsRenderAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it.each([
    ['Flux', minimalSpec, 'kustomization.yaml'],
    ['Argo CD', argoCdSpec, 'application.yaml'],
  ])(
    'writes exactly the rendered %s files into the instance folder',
    async (_, input, entry) => {
      const parsed = parseInstanceSpec(input);
      if (!parsed.ok) throw new Error('example spec is invalid');
      const { spec } = parsed;
      const workspace = `${tmp.dir}/${spec.gitops.engine}`;
      const { ctx, outputs } = actionContext({ spec: input as any }, workspace);
      await action.handler(ctx);

      const expected = await renderGitOps(spec);
      expect(listFiles(workspace)).toEqual(
        expected.map(f => `${spec.gitops.path}/${f.path}`).sort(),
      );
      for (const file of expected) {
        expect(
          fs.readFileSync(
            `${workspace}/${spec.gitops.path}/${file.path}`,
            'utf8',
          ),
        ).toBe(file.content);
      }
      expect(outputs().files).toContain(`${spec.gitops.path}/${entry}`);
      expect(outputs().engine).toBe(spec.gitops.engine);
    },
  );

  it('fails on a spec the chart cannot express, writing nothing', async () => {
    const workspace = `${tmp.dir}/bad`;
    const { ctx } = actionContext(
      { spec: { ...minimalSpec, replicas: 3 } as any },
      workspace,
    );
    await expect(action.handler(ctx)).rejects.toThrow(
      /replicas: must be 1 with RocksDB/,
    );
    expect(listFiles(workspace)).toEqual([]);
  });
});
