import type { BenchResults, SizeResult } from '../results';
import type { ScriptBenchResult } from '../measure/scriptBenches';

/** A Markdown table, padded so it also reads well on a terminal. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [
    line(headers),
    `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

const num = (value: number | undefined, digits = 1) =>
  value === undefined
    ? 'n/a'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits });

const latency = (median?: number, p95?: number) =>
  `${num(median, 2)} / ${num(p95, 2)}`;

/** Failures and incomplete answers, so a fast error is never read as a fast view. */
function flags(series: { failures: number; incomplete: number }) {
  const notes = [
    series.failures ? `${series.failures} failed` : '',
    series.incomplete ? `${series.incomplete} incomplete` : '',
  ].filter(Boolean);
  return notes.length ? ` (${notes.join(', ')})` : '';
}

function sizeRow(size: SizeResult): string[] {
  const { stalwart, core } = size.entityView;
  const ratio =
    stalwart.medianMs && core.medianMs
      ? `${num(core.medianMs / stalwart.medianMs)}x`
      : 'n/a';
  const viewers = size.manyViewers;
  const cold = size.coldStart;
  return [
    num(size.instances, 0),
    latency(stalwart.medianMs, stalwart.p95Ms) + flags(stalwart),
    latency(core.medianMs, core.p95Ms) + flags(core),
    `${num(size.entityView.catalog?.medianMs, 2)}${
      size.entityView.catalog ? flags(size.entityView.catalog) : ''
    }`,
    ratio,
    `${num(stalwart.kubernetesRequestsPerView, 2)} / ${num(
      core.kubernetesRequestsPerView,
      2,
    )}`,
    `${num(viewers.stalwart.kubernetesRequests, 0)} / ${num(
      viewers.core.kubernetesRequests,
      0,
    )}`,
    `${num(viewers.stalwart.backendCpuSeconds, 2)} / ${num(
      viewers.core.backendCpuSeconds,
      2,
    )} (idle ${num(viewers.idleCpuPercent)} %)`,
    `${num(viewers.stalwart.simulatorCpuSeconds, 2)} / ${num(
      viewers.core.simulatorCpuSeconds,
      2,
    )}`,
    `${num(cold.seconds, 2)}${
      cold.complete < cold.instances
        ? ` (${num(cold.complete, 0)}/${num(cold.instances, 0)} complete)`
        : ''
    }`,
    `${num(size.backend.rssMBBeforeCache, 0)} → ${num(
      size.backend.rssMBFleetCached,
      0,
    )}`,
  ];
}

/** One row per fleet size: this plugin vs the core plugin. */
export function sizesTable(results: BenchResults): string {
  const { load } = results.settings;
  return markdownTable(
    [
      'N',
      'Stalwart view ms (median / p95)',
      'Core two calls ms (median / p95)',
      'Floor: catalog lookup alone, ms (median)',
      'Core ÷ Stalwart',
      'K8s requests per view (Stalwart / core)',
      `${load.viewers} viewers, ${
        load.durationMs / 1000
      } s: K8s requests (Stalwart / core)`,
      'Backend CPU s under that load (Stalwart / core)',
      'Simulated API servers’ CPU s under that load (Stalwart / core)',
      'Cold start to full fleet status, s',
      'Backend RSS MB (catalog only → fleet cached)',
    ],
    results.sizes.map(sizeRow),
  );
}

function scriptRow(label: string, result?: ScriptBenchResult): string[] {
  if (!result) return [label, 'not run (--no-scripts)'];
  if (!result.measured) return [label, `not measured: ${result.reason}`];
  const figures = [
    ...result.timings.map(
      t =>
        `${t.label}: median ${num(t.medianMs, 2)} ms${
          t.p95Ms === undefined ? '' : `, p95 ${num(t.p95Ms, 2)} ms`
        }${
          t.cpuMedianMs === undefined
            ? ''
            : ` (CPU ${num(t.cpuMedianMs, 2)} ms)`
        }`,
    ),
    ...result.batches.map(b => `${b.label}: ${num(b.seconds, 2)} s`),
  ];
  const exit = result.exitCode ? ` (script exit ${result.exitCode})` : '';
  return [label, figures.join('; ') + exit];
}

function scaffolderCell(scaffolder: BenchResults['scaffolder']): string {
  if (!scaffolder) return 'not run (--no-scaffolder)';
  if (!scaffolder.measured) return `not measured: ${scaffolder.reason}`;
  return `${num(scaffolder.seconds, 2)} s (${scaffolder.templateRef}, task ${
    scaffolder.status
  })`;
}

const verdict = (met: boolean | undefined) => {
  if (met === undefined) return 'not measured';
  return met ? 'yes' : 'NO';
};

/** The figures that do not depend on the fleet size. */
export function singlesTable(results: BenchResults): string {
  const scaffolder = results.scaffolder;
  return markdownTable(
    ['Benchmark', 'Result'],
    [
      scriptRow(
        'Drift classification, 5,000 keys (`yarn bench:drift`)',
        results.drift,
      ),
      scriptRow('Render, 1,000 specs (`yarn bench:render`)', results.render),
      [
        'Scaffolder: one template task end to end (REST API)',
        scaffolderCell(scaffolder),
      ],
      [
        results.settings.backend === 'built'
          ? 'Backend start, built, NODE_ENV=production (spawn → ready), per N'
          : 'Backend start from sources (spawn → ready), per N',
        results.sizes
          .map(
            s => `N = ${num(s.instances, 0)}: ${num(s.backend.startSeconds)} s`,
          )
          .join('; '),
      ],
      [
        'Catalog ingestion of the fleet entities, per N',
        results.sizes
          .map(
            s =>
              `N = ${num(s.instances, 0)}: ${num(
                s.backend.catalogIngestSeconds,
              )} s`,
          )
          .join('; '),
      ],
      ...results.sizeErrors.map(e => [
        `N = ${num(e.instances, 0)}`,
        `not measured: ${e.error}`,
      ]),
    ],
  );
}

/** Each target, met or missed and by how much. */
export function targetsTable(results: BenchResults): string {
  return markdownTable(
    ['Target', 'Measured', 'Met', 'Margin'],
    results.targets.map(t => [t.target, t.measured, verdict(t.met), t.margin]),
  );
}
