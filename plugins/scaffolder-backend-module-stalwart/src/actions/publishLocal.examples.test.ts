import { examples } from './publishLocal.examples';
import {
  gitCli,
  publishActionIn,
  renderInto,
} from '../__testUtils__/publishTesting';
import { actionContext } from '../__testUtils__/actionTesting';
import { itRunsEveryExample } from '../__testUtils__/examplesTesting';

// Each case renders every file and commits with isomorphic-git; slow on a shared CPU.
jest.setTimeout(30_000);

describe('stalwart:publish:local examples', () => {
  itRunsEveryExample(examples, async (input, root) => {
    const workspace = `${root}/ws`;
    await renderInto(workspace, input.spec as any);
    const { dir, action } = publishActionIn(root);
    const { ctx, outputs } = actionContext(input, workspace);
    await action.handler(ctx);
    expect(gitCli(dir, 'rev-parse', outputs().branch)).toBe(
      outputs().commitSha,
    );
    expect(gitCli(dir, 'log', '-1', '--format=%s', outputs().branch)).toBe(
      (input.commitMessage as string) ??
        `Add Stalwart instance ${(input.spec as any).name}`,
    );
  });
});
