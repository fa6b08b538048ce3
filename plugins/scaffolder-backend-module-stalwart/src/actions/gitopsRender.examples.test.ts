import { createGitOpsRenderAction } from './gitopsRender';
import { examples } from './gitopsRender.examples';
import { actionContext, listFiles } from '../__testUtils__/actionTesting';
import { itRunsEveryExample } from '../__testUtils__/examplesTesting';

describe('stalwart:gitops:render examples', () => {
  const action = createGitOpsRenderAction();

  itRunsEveryExample(examples, async (input, workspace) => {
    const { ctx, outputs } = actionContext(input, workspace);
    await action.handler(ctx);
    expect(listFiles(workspace)).toEqual(outputs().files);
    expect(outputs().files.length).toBeGreaterThan(2);
  });
});
