import { sampleResults, sampleSize } from './__testing__/sampleResults';
import { markdownTable, singlesTable, sizesTable } from './tables';

describe('the result tables', () => {
  it('pads a Markdown table to its widest cell', () => {
    expect(markdownTable(['a', 'bb'], [['ccc', 'd']])).toBe(
      ['| a   | bb |', '| --- | -- |', '| ccc | d  |'].join('\n'),
    );
  });

  it('puts both plugins side by side per fleet size', () => {
    const table = sizesTable(
      sampleResults([
        sampleSize(1000, { ours: 2.5, core: 100, cold: 4, rss: 250 }),
      ]),
    );
    const row = table.split('\n')[2];
    expect(row).toContain('| 1,000 |');
    expect(row).toContain('2.5 / 5');
    expect(row).toContain('100 / 200');
    const cells = row.split('|').map(c => c.trim());
    expect(cells).toContain('1.25'); // the catalog floor
    expect(cells).toContain('1 / 1'); // simulator CPU
    expect(row).toContain('40x');
    expect(row).toContain('0 / 42');
    expect(row).toContain('0 / 12,600');
    expect(row).toContain('600 → 250');
  });

  it('flags failed and incomplete views next to their latency', () => {
    const size = sampleSize(10, { ours: 2, core: 100, cold: 4, rss: 250 });
    size.entityView.core = {
      ...size.entityView.core,
      failures: 3,
      incomplete: 1,
    };
    expect(sizesTable(sampleResults([size]))).toContain(
      '100 / 200 (3 failed, 1 incomplete)',
    );
  });

  it('says why a row was not measured', () => {
    const results = sampleResults([]);
    results.scaffolder = {
      measured: false,
      reason: 'template:default/stalwart-instance is not registered',
      templateRef: 'template:default/stalwart-instance',
    };
    results.sizeErrors = [{ instances: 5000, error: 'backend exited' }];
    const table = singlesTable(results);
    expect(table).toContain(
      'not measured: template:default/stalwart-instance is not registered',
    );
    expect(table).toContain('| N = 5,000');
    expect(table).toContain('not measured: backend exited');
    expect(table).toContain('not run (--no-scripts)');
  });
});
