import { outcomesByFile } from './testOutcomes';

describe('outcomesByFile', () => {
  it('counts passed and failed tests per file, keyed relative to the repository root', () => {
    const outcomes = outcomesByFile(
      {
        testResults: [
          {
            name: '/repo/tools/reliability/src/a.test.ts',
            assertionResults: [
              { status: 'passed' },
              { status: 'failed' },
              { status: 'passed' },
            ],
          },
        ],
      },
      '/repo',
    );
    expect(outcomes.get('tools/reliability/src/a.test.ts')).toEqual({
      passed: 2,
      failed: 1,
    });
  });

  it('counts a file that failed to load, with no tests at all, as failed', () => {
    const outcomes = outcomesByFile(
      { testResults: [{ name: '/repo/b.test.ts', assertionResults: [] }] },
      '/repo',
    );
    expect(outcomes.get('b.test.ts')).toEqual({ passed: 0, failed: 1 });
  });
});
