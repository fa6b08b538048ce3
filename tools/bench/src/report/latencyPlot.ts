import type { SizeResult } from '../results';

/** A point whose views mostly failed is drawn hollow: its latency is of the few that passed. */
interface PlotPoint {
  x: number;
  y: number;
  unreliable: boolean;
}

/** One line of the plot: a label, a colour, a dash pattern and its points. */
interface PlotSeries {
  label: string;
  color: string;
  dash?: string;
  points: PlotPoint[];
}

/** Above this share of failed or incomplete views, a point is marked unreliable. */
const UNRELIABLE_SHARE = 0.1;

const WIDTH = 720;
const HEIGHT = 440;
const MARGIN = { left: 70, right: 200, top: 50, bottom: 60 };
const NICE = [1, 2, 5];

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, c => `&#${c.charCodeAt(0)};`);

/** 1, 2, 5, 10, 20, 50 … within [min, max]: readable ticks on a log axis. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (
    let exp = Math.floor(Math.log10(min));
    exp <= Math.ceil(Math.log10(max));
    exp++
  ) {
    for (const n of NICE) {
      const tick = n * 10 ** exp;
      if (tick >= min && tick <= max) ticks.push(Number(tick.toPrecision(6)));
    }
  }
  return ticks;
}

function seriesOf(sizes: SizeResult[]): PlotSeries[] {
  const line = (
    label: string,
    color: string,
    plugin: 'stalwart' | 'core',
    stat: 'medianMs' | 'p95Ms',
    dash?: string,
  ): PlotSeries => ({
    label,
    color,
    dash,
    points: sizes.flatMap(s => {
      const series = s.entityView[plugin];
      const y = series[stat];
      if (!y || y <= 0) return [];
      const bad = (series.failures + series.incomplete) / series.views;
      return [{ x: s.instances, y, unreliable: bad > UNRELIABLE_SHARE }];
    }),
  });
  return [
    line('Stalwart status, median', '#1b7f3b', 'stalwart', 'medianMs'),
    line('Stalwart status, p95', '#1b7f3b', 'stalwart', 'p95Ms', '6 4'),
    line('Core two calls, median', '#b3261e', 'core', 'medianMs'),
    line('Core two calls, p95', '#b3261e', 'core', 'p95Ms', '6 4'),
  ];
}

function pointSvg(p: PlotPoint, s: PlotSeries, cx: string, cy: string) {
  const fill = p.unreliable ? '#ffffff' : s.color;
  const note = p.unreliable
    ? ` (over ${
        UNRELIABLE_SHARE * 100
      } % of the views failed or were incomplete)`
    : '';
  return `<circle cx="${cx}" cy="${cy}" r="${
    p.unreliable ? 5 : 3.5
  }" fill="${fill}" stroke="${s.color}" stroke-width="2"><title>${escapeXml(
    s.label,
  )} at N = ${p.x}: ${p.y} ms${note}</title></circle>`;
}

/**
 * Entity-view latency against fleet size for both plugins, log-log, as a standalone SVG.
 * `subtitle` says under which conditions (latency injected, machine).
 */
export function latencyPlotSvg(sizes: SizeResult[], subtitle: string): string {
  const series = seriesOf(sizes);
  const xs = sizes.map(s => s.instances);
  const ys = series.flatMap(s => s.points.map(p => p.y));
  if (xs.length === 0 || ys.length === 0) {
    throw new Error('nothing to plot: no entity-view latency was measured');
  }
  const xMin = Math.min(...xs) / 1.5;
  const xMax = Math.max(...xs) * 1.5;
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...ys)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys)));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number) =>
    MARGIN.left +
    ((Math.log10(v) - Math.log10(xMin)) /
      (Math.log10(xMax) - Math.log10(xMin))) *
      plotW;
  const y = (v: number) =>
    MARGIN.top +
    plotH -
    ((Math.log10(v) - Math.log10(yMin)) /
      (Math.log10(yMax) - Math.log10(yMin))) *
      plotH;
  const px = (v: number) => v.toFixed(1);

  const parts: string[] = [];
  for (const tick of logTicks(yMin, yMax)) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${px(
        y(tick),
      )}" y2="${px(y(tick))}" stroke="#e3e3e3"/>`,
      `<text x="${MARGIN.left - 8}" y="${px(
        y(tick) + 4,
      )}" text-anchor="end">${tick}</text>`,
    );
  }
  for (const size of xs) {
    parts.push(
      `<line x1="${px(x(size))}" x2="${px(x(size))}" y1="${MARGIN.top}" y2="${
        MARGIN.top + plotH
      }" stroke="#e3e3e3"/>`,
      `<text x="${px(x(size))}" y="${
        MARGIN.top + plotH + 20
      }" text-anchor="middle">${size.toLocaleString('en-US')}</text>`,
    );
  }
  series.forEach((s, i) => {
    if (s.points.length > 0) {
      const d = s.points
        .map((p, j) => `${j ? 'L' : 'M'}${px(x(p.x))},${px(y(p.y))}`)
        .join(' ');
      parts.push(
        `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${
          s.dash ? ` stroke-dasharray="${s.dash}"` : ''
        }/>`,
        ...s.points.map(p => pointSvg(p, s, px(x(p.x)), px(y(p.y)))),
      );
    }
    const ly = MARGIN.top + 10 + i * 22;
    const lx = MARGIN.left + plotW + 16;
    parts.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${
        s.color
      }" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      `<text x="${lx + 34}" y="${ly + 4}">${escapeXml(s.label)}</text>`,
    );
  });

  const anyUnreliable = series.some(s => s.points.some(p => p.unreliable));
  if (anyUnreliable) {
    const lx = MARGIN.left + plotW + 16;
    const ly = MARGIN.top + 10 + series.length * 22 + 8;
    parts.push(
      `<circle cx="${
        lx + 14
      }" cy="${ly}" r="5" fill="#ffffff" stroke="#555" stroke-width="2"/>`,
      `<text x="${lx + 34}" y="${ly + 4}">over ${
        UNRELIABLE_SHARE * 100
      } % of views</text>`,
      `<text x="${lx + 34}" y="${ly + 20}">failed: latency of the rest</text>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">Entity view latency vs fleet size</text>`,
    `<text x="${MARGIN.left}" y="40" fill="#555">${escapeXml(subtitle)}</text>`,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
    ...parts,
    `<text x="${MARGIN.left + plotW / 2}" y="${
      HEIGHT - 15
    }" text-anchor="middle">Instances in the fleet (log scale)</text>`,
    `<text transform="translate(18 ${
      MARGIN.top + plotH / 2
    }) rotate(-90)" text-anchor="middle">Latency, ms (log scale)</text>`,
    '</svg>',
    '',
  ].join('\n');
}
