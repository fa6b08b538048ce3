import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unifiedDiff } from './unifiedDiff';

const lines = (n: number, change?: Record<number, string>) =>
  `${Array.from({ length: n }, (_, i) => change?.[i] ?? `line ${i}`).join(
    '\n',
  )}\n`;

describe('unifiedDiff', () => {
  it('is empty when the file does not change', () => {
    expect(unifiedDiff('a.txt', 'x\n', 'x\n')).toBe('');
  });

  it('shows one changed line with three lines of context, as git does', () => {
    expect(unifiedDiff('p.ndjson', lines(10), lines(10, { 5: 'five' }))).toBe(
      [
        '--- a/p.ndjson',
        '+++ b/p.ndjson',
        '@@ -3,7 +3,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+five',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it('writes a patch that git apply accepts, with changes more than six lines apart in separate hunks', () => {
    const before = lines(40);
    const after = `${lines(40, { 1: 'one', 30: 'thirty' })}appended\n`;
    const patch = unifiedDiff('plan.ndjson', before, after);
    expect(patch.match(/^@@/gm)).toHaveLength(3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-'));
    try {
      fs.writeFileSync(path.join(dir, 'plan.ndjson'), before);
      fs.writeFileSync(path.join(dir, 'p.patch'), patch);
      execFileSync('git', ['apply', 'p.patch'], { cwd: dir });
      expect(fs.readFileSync(path.join(dir, 'plan.ndjson'), 'utf8')).toBe(
        after,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('diffs a new file against /dev/null', () => {
    expect(unifiedDiff('new.txt', undefined, 'a\n')).toBe(
      '--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,1 @@\n+a\n',
    );
  });
});
