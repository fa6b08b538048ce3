import { PROPERTIES } from '../figures/properties';
import {
  reliabilityResults,
  RESULTS_BEGIN,
  RESULTS_END,
  updateReliabilityDoc,
} from './reliabilityDoc';

const restart = PROPERTIES['k8s.restart-mid-watch'].provenBy[0];
const decoys = PROPERTIES['security.secret-decoys'].provenBy[0];

describe('reliabilityResults', () => {
  it('marks a property held only when its proof passed and recorded figures', () => {
    const text = reliabilityResults({
      finishedAt: '2026-11-21T00:00:00.000Z',
      machine: 'test machine',
      figures: [
        {
          property: 'k8s.restart-mid-watch',
          measure: 'seconds until fresh again',
          value: 1.5,
          unit: 's',
          bound: '<= 10 s',
        },
      ],
      outcomes: new Map([[restart, { passed: 2, failed: 0 }]]),
    });
    const row = text.split('\n').find(l => l.includes('mid-watch'))!;
    expect(row).toContain(
      'seconds until fresh again: **1.5 s** (asserted <= 10 s)',
    );
    expect(row).toContain('| held |');
    const others = text.split('\n').filter(l => l.includes('| not measured |'));
    expect(others).toHaveLength(Object.keys(PROPERTIES).length - 1);
    expect(text).toContain(
      `1 of ${Object.keys(PROPERTIES).length} properties held`,
    );
  });

  it('reports a property as failed when any of its tests failed, figures or not', () => {
    const text = reliabilityResults({
      finishedAt: '2026-11-21T00:00:00.000Z',
      machine: 'test machine',
      figures: [
        {
          property: 'security.secret-decoys',
          measure: 'leaks found',
          value: 0,
        },
      ],
      outcomes: new Map([[decoys, { passed: 3, failed: 1 }]]),
    });
    const row = text
      .split('\n')
      .find(l => l.includes('Planted secret decoys'))!;
    expect(row).toContain('| FAILED |');
  });

  it('escapes pipes so a figure cannot break the table', () => {
    const text = reliabilityResults({
      finishedAt: 'now',
      machine: 'm',
      figures: [{ property: 'input.fuzz', measure: 'a | b', value: 'x|y' }],
      outcomes: new Map(),
    });
    expect(text).toContain('a \\| b: **x\\|y**');
  });
});

describe('updateReliabilityDoc', () => {
  it('replaces only what lies between the markers', () => {
    const doc = `# Title\n\nprose\n\n${RESULTS_BEGIN}\nold\n${RESULTS_END}\n\nafter\n`;
    expect(updateReliabilityDoc(doc, 'new')).toBe(
      `# Title\n\nprose\n\n${RESULTS_BEGIN}\n\nnew\n\n${RESULTS_END}\n\nafter\n`,
    );
  });

  it('refuses a doc whose markers are gone rather than appending blindly', () => {
    expect(() => updateReliabilityDoc('# Title\n', 'new')).toThrow(
      /results markers/,
    );
  });
});
