import { parseInstanceSpec } from '@stalwart-backstage/plugin-stalwart-common';
import { createSpecValidateAction } from './specValidate';
import { examples } from './specValidate.examples';
import {
  actionContext,
  exampleInput,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:spec:validate examples', () => {
  const action = createSpecValidateAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const input = exampleInput(example);
      const { ctx, outputs } = actionContext(
        input,
        `${tmp.dir}/${Math.random()}`,
      );
      await action.handler(ctx);
      const parsed = parseInstanceSpec(input.spec);
      expect(parsed.ok && outputs().spec).toEqual(
        parsed.ok && JSON.parse(JSON.stringify(parsed.spec)),
      );
    },
  );
});
