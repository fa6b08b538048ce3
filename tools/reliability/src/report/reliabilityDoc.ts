import {
  PROPERTIES,
  SECTIONS,
  type PropertyId,
  type ReliabilityProperty,
  type SectionId,
} from '../figures/properties';
import type { Figure } from '../figures/recordFigure';
import type { FileOutcome } from './testOutcomes';

export interface ReliabilityRun {
  /** ISO time the run finished. */
  finishedAt: string;
  machine: string;
  figures: Figure[];
  outcomes: Map<string, FileOutcome>;
}

type Verdict = 'held' | 'FAILED' | 'not measured';

function verdictOf(
  property: ReliabilityProperty,
  figures: Figure[],
  outcomes: Map<string, FileOutcome>,
): Verdict {
  const files = property.provenBy.map(file => outcomes.get(file));
  if (files.some(outcome => outcome && outcome.failed > 0)) return 'FAILED';
  if (files.some(outcome => !outcome) || figures.length === 0)
    return 'not measured';
  return 'held';
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function figureText(figure: Figure): string {
  const value =
    typeof figure.value === 'number'
      ? figure.value.toLocaleString('en-US')
      : figure.value;
  const unit = figure.unit ? ` ${figure.unit}` : '';
  const bound = figure.bound ? ` (asserted ${figure.bound})` : '';
  return `${figure.measure}: **${value}${unit}**${bound}`;
}

function sectionTable(
  section: SectionId,
  run: ReliabilityRun,
): { markdown: string; verdicts: Verdict[] } {
  const rows: string[] = [];
  const verdicts: Verdict[] = [];
  for (const [id, property] of Object.entries(PROPERTIES) as Array<
    [PropertyId, ReliabilityProperty]
  >) {
    if (property.section !== section) continue;
    const figures = run.figures.filter(f => f.property === id);
    const verdict = verdictOf(property, figures, run.outcomes);
    verdicts.push(verdict);
    const proof = property.provenBy
      .map(file => `[${file.split('/').pop()}](../${file})`)
      .join(', ');
    rows.push(
      `| ${cell(property.title)} | ${cell(property.expected)} | ${
        figures.map(f => cell(figureText(f))).join('<br>') || '–'
      } | ${verdict} | ${proof} |`,
    );
  }
  return {
    markdown: [
      `## ${SECTIONS[section]}`,
      '',
      '| Case | Expected | Measured | Result | Proof |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
    verdicts,
  };
}

/** docs/reliability.md's results, from one run of the suite. */
export function reliabilityResults(run: ReliabilityRun): string {
  const sections = (Object.keys(SECTIONS) as SectionId[]).map(section =>
    sectionTable(section, run),
  );
  const verdicts = sections.flatMap(s => s.verdicts);
  const count = (v: Verdict) => verdicts.filter(x => x === v).length;
  return [
    `Run: ${run.finishedAt} on ${run.machine}. ${count('held')} of ${
      verdicts.length
    } properties held, ${count('FAILED')} failed, ${count(
      'not measured',
    )} not measured.`,
    '',
    ...sections.map(s => s.markdown).flatMap(m => [m, '']),
  ]
    .join('\n')
    .trimEnd();
}

export const RESULTS_BEGIN =
  '<!-- reliability:results:begin (written by yarn reliability; edit outside) -->';
export const RESULTS_END = '<!-- reliability:results:end -->';

/** Replaces the results between the markers of docs/reliability.md, keeping the prose around them. */
export function updateReliabilityDoc(doc: string, results: string): string {
  const begin = doc.indexOf(RESULTS_BEGIN);
  const end = doc.indexOf(RESULTS_END);
  if (begin < 0 || end < begin)
    throw new Error(
      `docs/reliability.md has lost its results markers (${RESULTS_BEGIN} … ${RESULTS_END})`,
    );
  return `${doc.slice(
    0,
    begin + RESULTS_BEGIN.length,
  )}\n\n${results}\n\n${doc.slice(end)}`;
}
