const CONTEXT = 3;

type Edit = { op: ' ' | '-' | '+'; line: string };

/** The line edits turning `a` into `b`, by longest common subsequence (plans are small). */
function lineEdits(a: string[], b: string[]): Edit[] {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] =
        a[i] === b[j]
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      edits.push({ op: ' ', line: a[i++] });
      j++;
    } else if (
      i < a.length &&
      (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])
    )
      edits.push({ op: '-', line: a[i++] });
    else edits.push({ op: '+', line: b[j++] });
  }
  return edits;
}

const linesOf = (text: string) =>
  text === '' ? [] : text.replace(/\n$/, '').split('\n');

/**
 * A unified diff (`git diff` format, three lines of context) of one file, empty when equal.
 * `before` undefined: the file is new.
 *
 * @public
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string,
): string {
  if (before === after) return '';
  const edits = lineEdits(linesOf(before ?? ''), linesOf(after));
  const changes = edits.flatMap((e, i) => (e.op === ' ' ? [] : [i]));
  const hunks: string[] = [];
  for (let c = 0; c < changes.length; ) {
    let last = c;
    // Changes closer than twice the context share one hunk, as git's do.
    while (
      last + 1 < changes.length &&
      changes[last + 1] - changes[last] - 1 <= 2 * CONTEXT
    )
      last++;
    const start = Math.max(0, changes[c] - CONTEXT);
    const end = Math.min(edits.length, changes[last] + CONTEXT + 1);
    const preceding = edits.slice(0, start);
    const aStart = preceding.filter(e => e.op !== '+').length;
    const bStart = preceding.filter(e => e.op !== '-').length;
    const body = edits.slice(start, end);
    const aLen = body.filter(e => e.op !== '+').length;
    const bLen = body.filter(e => e.op !== '-').length;
    hunks.push(
      `@@ -${aLen ? aStart + 1 : aStart},${aLen} +${
        bLen ? bStart + 1 : bStart
      },${bLen} @@`,
      ...body.map(e => `${e.op}${e.line}`),
    );
    c = last + 1;
  }
  const from = before === undefined ? '/dev/null' : `a/${path}`;
  return `--- ${from}\n+++ b/${path}\n${hunks.join('\n')}\n`;
}
