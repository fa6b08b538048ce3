import { createValuesRenderAction } from './valuesRender';
import { examples } from './valuesRender.examples';
import { actionContext, listFiles } from '../__testUtils__/actionTesting';
import { itRunsEveryExample } from '../__testUtils__/examplesTesting';

describe('stalwart:values:render examples', () => {
  const action = createValuesRenderAction();

  itRunsEveryExample(examples, async (input, workspace) => {
    const { ctx, outputs } = actionContext(input, workspace);
    await action.handler(ctx);
    const folder =
      (input.targetPath as string) ?? (input.spec as any).gitops.path;
    expect(listFiles(workspace)).toEqual([`${folder}/values.yaml`]);
    expect(outputs().valuesDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
