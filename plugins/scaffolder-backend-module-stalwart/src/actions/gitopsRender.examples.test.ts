import { createGitOpsRenderAction } from './gitopsRender';
import { examples } from './gitopsRender.examples';
import {
  actionContext,
  exampleInput,
  listFiles,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:gitops:render examples', () => {
  const action = createGitOpsRenderAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const input = exampleInput(example);
      const workspace = `${tmp.dir}/${examples.indexOf(example)}`;
      const { ctx, outputs } = actionContext(input, workspace);
      await action.handler(ctx);
      expect(listFiles(workspace)).toEqual(outputs().files);
      expect(outputs().files.length).toBeGreaterThan(2);
    },
  );
});
