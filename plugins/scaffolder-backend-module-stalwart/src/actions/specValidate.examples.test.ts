import { parseInstanceSpec } from '@stalwart-backstage/plugin-stalwart-charts';
import { createSpecValidateAction } from './specValidate';
import { examples } from './specValidate.examples';
import { actionContext } from '../__testUtils__/actionTesting';
import { itRunsEveryExample } from '../__testUtils__/examplesTesting';

describe('stalwart:spec:validate examples', () => {
  const action = createSpecValidateAction();

  itRunsEveryExample(examples, async (input, workspace) => {
    const { ctx, outputs } = actionContext(input, workspace);
    await action.handler(ctx);
    const parsed = parseInstanceSpec(input.spec);
    expect(parsed.ok && outputs().spec).toEqual(
      parsed.ok && JSON.parse(JSON.stringify(parsed.spec)),
    );
  });
});
