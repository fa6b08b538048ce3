/* eslint-disable jest/no-export, jest/expect-expect -- a helper that declares tests for the examples test files calling it, whose callbacks assert */
import type { JsonObject } from '@backstage/types';
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { exampleInput, temporaryDirectory } from './actionTesting';

/**
 * One test per documented example of an action, named by the example's description, each
 * with the example's input and a workspace of its own, so every example shown in the
 * scaffolder's action docs is proven to run.
 */
export function itRunsEveryExample(
  examples: TemplateExample[],
  run: (input: JsonObject, workspace: string) => Promise<void>,
): void {
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);
  it.each(examples.map((e, index) => [e.description, e, index] as const))(
    '%s',
    (_, example, index) => run(exampleInput(example), `${tmp.dir}/${index}`),
  );
}
