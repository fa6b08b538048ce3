import type { CertificateStatus } from '@stalwart-backstage/plugin-stalwart-common';
import { CERTIFICATE_THRESHOLDS } from '@stalwart-backstage/plugin-stalwart-common';

/** ACME certificates live 90 days; the ring is full at that many days left. */
const FULL_RING_DAYS = 90;

export function countdownText(certificate: CertificateStatus): string {
  const { daysLeft, state } = certificate;
  if (state === 'missing') return 'No certificate';
  if (daysLeft === undefined) return 'Expiry unknown';
  if (daysLeft < 0) return `Expired ${-daysLeft} days ago`;
  if (daysLeft === 1) return '1 day left';
  return `${daysLeft} days left`;
}

/**
 * Days left as a ring that empties toward expiry, coloured by the shared thresholds
 * (warning at 30 days, critical under 7).
 */
export function CertificateCountdown(props: {
  certificate: CertificateStatus;
  size?: number;
}) {
  const { certificate, size = 96 } = props;
  const days = certificate.daysLeft ?? 0;
  const fraction = Math.min(1, Math.max(0, days / FULL_RING_DAYS));
  // Backstage UI's colour tokens, so the ring follows the light and dark themes.
  let color = 'var(--bui-negative-bg)';
  if (certificate.state === 'ok') {
    color = 'var(--bui-positive-bg)';
  } else if (
    certificate.state === 'warning' &&
    days > CERTIFICATE_THRESHOLDS.criticalDays
  ) {
    color = 'var(--bui-warning-bg)';
  }
  const stroke = size / 10;
  const radius = (size - stroke) / 2;
  const circumference = 2 * Math.PI * radius;
  const text = countdownText(certificate);
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={`Certificate: ${text}`}
    >
      <circle
        cx={size / 2}
        cy={size / 2}
        r={radius}
        fill="none"
        style={{ stroke: 'var(--bui-bg-neutral-3)' }}
        strokeWidth={stroke}
      />
      <circle
        cx={size / 2}
        cy={size / 2}
        r={radius}
        fill="none"
        style={{ stroke: color }}
        strokeWidth={stroke}
        strokeDasharray={`${fraction * circumference} ${circumference}`}
        strokeLinecap="round"
        transform={`rotate(-90 ${size / 2} ${size / 2})`}
      />
      <text
        x="50%"
        y="48%"
        textAnchor="middle"
        dominantBaseline="middle"
        fontSize={size / 4}
        style={{ fill: 'var(--bui-fg-primary)' }}
      >
        {certificate.daysLeft ?? '–'}
      </text>
      <text
        x="50%"
        y="70%"
        textAnchor="middle"
        fontSize={size / 9}
        style={{ fill: 'var(--bui-fg-secondary)' }}
      >
        days
      </text>
    </svg>
  );
}
