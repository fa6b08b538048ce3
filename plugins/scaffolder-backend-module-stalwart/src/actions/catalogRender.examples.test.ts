import fs from 'node:fs';
import { parse } from 'yaml';
import { createCatalogRenderAction } from './catalogRender';
import { examples } from './catalogRender.examples';
import {
  actionContext,
  exampleInput,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:catalog:render examples', () => {
  const action = createCatalogRenderAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_, example) => {
      const input = exampleInput(example);
      const workspace = `${tmp.dir}/${examples.indexOf(example)}`;
      const { ctx, outputs } = actionContext(input, workspace);
      await action.handler(ctx);
      const entity = parse(
        fs.readFileSync(`${workspace}/${outputs().catalogInfoPath}`, 'utf8'),
      );
      expect(entity.spec.owner).toBe(input.owner);
      expect(outputs().entityRef).toBe(
        `component:default/${entity.metadata.name}`,
      );
    },
  );
});
