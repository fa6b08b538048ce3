import { InputError } from '@backstage/errors';
import type { InstanceSpec } from './instanceSpecSchema';
import { formatSpecProblems, parseInstanceSpec } from './parseInstanceSpec';

/**
 * Parses a spec or throws an InputError whose message lists every problem by field path, for
 * callers (scaffolder actions, routes) that report errors by throwing.
 *
 * @public
 */
export function assertInstanceSpec(input: unknown): InstanceSpec {
  const result = parseInstanceSpec(input);
  if (!result.ok) {
    throw new InputError(
      `Invalid instance spec:\n${formatSpecProblems(result.problems).join(
        '\n',
      )}`,
    );
  }
  return result.spec;
}
