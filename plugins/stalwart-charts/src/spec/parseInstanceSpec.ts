import { z } from 'zod/v3';
import { getChartFlavor } from '../charts';
import { instanceSpecSchema } from './instanceSpecSchema';
import type { InstanceSpec } from './instanceSpecSchema';
import { collectStrings, secretLikeReason } from './secretLike';

/**
 * One thing wrong with a spec: the dotted field path and the rule it breaks.
 *
 * @public
 */
export interface SpecProblem {
  path: string;
  message: string;
}

/**
 * The outcome of parsing a spec.
 *
 * @public
 */
export type ParseInstanceSpecResult =
  | { ok: true; spec: InstanceSpec }
  | { ok: false; problems: SpecProblem[] };

/** Fields that legitimately hold opaque ciphertext (safe in git by design). */
const CIPHERTEXT_PATH = /^secrets\.sealedSecrets\.encryptedData\.[^.]+$/;

const dotted = (path: Array<string | number>) => path.join('.');

function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const article = (type: string) =>
  /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;

function secretValueProblems(input: unknown): SpecProblem[] {
  return collectStrings(input).flatMap(({ path, value, isKey }) => {
    const at = dotted(path);
    // Only the ciphertexts are exempt: their keys are committed in plain text beside them.
    const reason =
      CIPHERTEXT_PATH.test(at) && !isKey ? undefined : secretLikeReason(value);
    return reason
      ? [
          {
            path: at,
            message: `must not contain a secret value (looks like ${reason}); reference it through secrets.name instead`,
          },
        ]
      : [];
  });
}

function issueToProblems(issue: z.ZodIssue): SpecProblem[] {
  const at = dotted(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.unrecognized_keys:
      return issue.keys.map(key => ({
        path: dotted([...issue.path, key]),
        message: 'is not a known field',
      }));
    case z.ZodIssueCode.invalid_type: {
      if (issue.received === 'undefined')
        return [{ path: at, message: 'is required' }];
      const custom = !issue.message.startsWith('Expected');
      return [
        {
          path: at,
          message: custom
            ? issue.message
            : `must be ${article(issue.expected)}, not ${issue.received}`,
        },
      ];
    }
    case z.ZodIssueCode.invalid_enum_value:
      return [
        { path: at, message: `must be one of ${issue.options.join(', ')}` },
      ];
    default:
      return [{ path: at, message: issue.message }];
  }
}

/**
 * Validates an instance spec document: refuses unknown keys, anything that looks like a secret
 * value, and what the chosen chart cannot express; applies defaults.
 *
 * @public
 */
export function parseInstanceSpec(input: unknown): ParseInstanceSpecResult {
  const secretProblems = secretValueProblems(input);
  const result = instanceSpecSchema.safeParse(input);
  const problems = [
    ...secretProblems,
    ...(result.success ? [] : result.error.issues.flatMap(issueToProblems)),
  ];
  if (problems.length > 0 || !result.success) {
    const seen = new Set<string>();
    const unique = problems.filter(p => {
      const id = `${p.path}\u0000${p.message}`;
      return seen.has(id) ? false : (seen.add(id), true);
    });
    return {
      ok: false,
      problems: unique.sort((a, b) => comparePaths(a.path, b.path)),
    };
  }
  const spec = {
    ...result.data,
    chartVersion:
      result.data.chartVersion ??
      getChartFlavor(result.data.chart).chartVersion,
  };
  return { ok: true, spec };
}

/**
 * One line per problem, `path: rule`, for terminals and error messages.
 *
 * @public
 */
export function formatSpecProblems(problems: SpecProblem[]): string[] {
  return problems.map(p => `${p.path || '(spec)'}: ${p.message}`);
}
