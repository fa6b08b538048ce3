import { expiryHistogram, FleetRow } from './fleetRows';

const WIDTH = 520;
const HEIGHT = 180;
const AXIS = 28;

/** How many instances' certificates expire when, as a bar per bucket; plain SVG. */
export function CertificateExpiryChart(props: { rows: FleetRow[] }) {
  const buckets = expiryHistogram(props.rows);
  const max = Math.max(1, ...buckets.map(b => b.count));
  const slot = WIDTH / buckets.length;
  // Backstage UI's theme variables, so the bars follow the light and dark themes.
  const colors = [
    'var(--bui-negative-bg)',
    'var(--bui-negative-bg)',
    'var(--bui-warning-bg)',
    'var(--bui-accent-bg)',
    'var(--bui-positive-bg)',
  ];
  const summary = buckets.map(b => `${b.label}: ${b.count}`).join(', ');
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
      role="img"
      aria-label={`Certificates by days left. ${summary}`}
    >
      {buckets.map((bucket, i) => {
        const height = (bucket.count / max) * (HEIGHT - 20);
        const x = i * slot + slot * 0.15;
        return (
          <g key={bucket.label}>
            <rect
              x={x}
              y={HEIGHT - height}
              width={slot * 0.7}
              height={height}
              style={{ fill: colors[i] }}
            >
              <title>{`${bucket.label}: ${bucket.count}`}</title>
            </rect>
            <text
              x={x + slot * 0.35}
              y={HEIGHT - height - 4}
              textAnchor="middle"
              fontSize={12}
              style={{ fill: 'var(--bui-fg-primary)' }}
            >
              {bucket.count}
            </text>
            <text
              x={x + slot * 0.35}
              y={HEIGHT + 18}
              textAnchor="middle"
              fontSize={11}
              style={{ fill: 'var(--bui-fg-secondary)' }}
            >
              {bucket.label}
            </text>
          </g>
        );
      })}
      <line
        x1={0}
        x2={WIDTH}
        y1={HEIGHT}
        y2={HEIGHT}
        style={{ stroke: 'var(--bui-border-2)' }}
      />
    </svg>
  );
}
