import { createValuesRenderAction } from './valuesRender';
import { examples } from './valuesRender.examples';
import {
  actionContext,
  exampleInput,
  listFiles,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:values:render examples', () => {
  const action = createValuesRenderAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const input = exampleInput(example);
      const workspace = `${tmp.dir}/${examples.indexOf(example)}`;
      const { ctx, outputs } = actionContext(input, workspace);
      await action.handler(ctx);
      const folder =
        (input.targetPath as string) ?? (input.spec as any).gitops.path;
      expect(listFiles(workspace)).toEqual([`${folder}/values.yaml`]);
      expect(outputs().valuesDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    },
  );
});
