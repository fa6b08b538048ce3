import fs from 'node:fs';
import { parse } from 'yaml';
import { createCatalogRenderAction } from './catalogRender';
import { examples } from './catalogRender.examples';
import { actionContext } from '../__testUtils__/actionTesting';
import { itRunsEveryExample } from '../__testUtils__/examplesTesting';

describe('stalwart:catalog:render examples', () => {
  const action = createCatalogRenderAction();

  itRunsEveryExample(examples, async (input, workspace) => {
    const { ctx, outputs } = actionContext(input, workspace);
    await action.handler(ctx);
    const entity = parse(
      fs.readFileSync(`${workspace}/${outputs().catalogInfoPath}`, 'utf8'),
    );
    expect(entity.spec.owner).toBe(input.owner);
    expect(outputs().entityRef).toBe(
      `component:default/${entity.metadata.name}`,
    );
  });
});
