import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleResults, sampleSize } from './__testing__/sampleResults';
import {
  BEGIN,
  END,
  machineSection,
  resultsSection,
  updateBenchmarksDoc,
} from './benchmarksDoc';

describe('docs/benchmarks.md', () => {
  const results = sampleResults([
    sampleSize(10, { ours: 2, core: 90, cold: 1, rss: 600 }),
  ]);

  it('says the run shared the machine when other processes kept cores busy', () => {
    expect(machineSection(results)).toContain(
      '**The run shared the machine:** other processes kept 1.2 of 2 cores busy on average during the load windows, up to 1.2',
    );
  });

  it('replaces only the generated section, keeping the written analysis', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-doc-')), 'b.md');
    writeFileSync(
      path,
      `# Benchmarks\n\nBefore.\n\n${BEGIN}\nold\n${END}\n\nAfter.\n`,
    );
    updateBenchmarksDoc(path, resultsSection(results, 'plot.svg'));
    const doc = readFileSync(path, 'utf8');
    expect(doc).toContain('Before.');
    expect(doc).toContain('After.');
    expect(doc).not.toContain('\nold\n');
    expect(doc).toContain(
      '![Entity view latency vs fleet size, both plugins](benchmarks/plot.svg)',
    );
    expect(doc.indexOf(BEGIN)).toBe(doc.lastIndexOf(BEGIN));
  });

  it('starts a doc when there is none', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-doc-')), 'b.md');
    updateBenchmarksDoc(path, resultsSection(results, 'plot.svg'));
    expect(readFileSync(path, 'utf8')).toMatch(
      /^# Benchmarks\n\n## Results\n\n<!-- bench:results:begin/,
    );
  });
});
