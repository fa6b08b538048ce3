import { Box, Chip, Typography } from '@material-ui/core';
import type { CertificateStatus } from '@stalwart-backstage/plugin-stalwart-common';
import { ReactNode } from 'react';
import { formatAge } from '../common/formatAge';
import { ReasonList } from '../common/ReasonList';
import { CertificateCountdown, countdownText } from './CertificateCountdown';

const STATE_LABELS: Record<CertificateStatus['state'], string> = {
  ok: 'Valid',
  warning: 'Expiring',
  critical: 'Expiring soon',
  expired: 'Expired',
  'not-ready': 'Not ready',
  missing: 'Missing',
};

function Row(props: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography variant="body2" component="dt" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="body2" component="dd" style={{ margin: '0 0 8px' }}>
        {props.children}
      </Typography>
    </>
  );
}

function when(iso: string | undefined): string {
  if (!iso) return 'Unknown';
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  const date = new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
  return seconds >= 0
    ? `${date} UTC (in ${formatAge(seconds)})`
    : `${date} UTC (${formatAge(-seconds)} ago)`;
}

function coverage(certificate: CertificateStatus): string {
  if (certificate.coversHostname === null) {
    return 'Instance hostname unknown (set stalwart.io/hostname)';
  }
  return certificate.coversHostname
    ? `Covers ${certificate.hostname}`
    : `Does not cover ${certificate.hostname}`;
}

/** One cluster's cert-manager Certificate. */
export function CertificateDetails(props: {
  certificate: CertificateStatus;
  cluster: string;
}) {
  const { certificate } = props;
  return (
    <Box display="flex" style={{ gap: 24 }} flexWrap="wrap">
      <CertificateCountdown certificate={certificate} />
      <Box flex={1} minWidth={220} component="dl" style={{ margin: 0 }}>
        <Row label="State">
          {STATE_LABELS[certificate.state]} · {countdownText(certificate)}
        </Row>
        {certificate.name && <Row label="Certificate">{certificate.name}</Row>}
        <Row label="Issuer">
          {certificate.issuer
            ? `${certificate.issuer.kind ?? 'Issuer'} ${
                certificate.issuer.name
              }`
            : 'Unknown'}
        </Row>
        <Row label="Expires">{when(certificate.notAfter)}</Row>
        <Row label="Renewal">{when(certificate.renewalTime)}</Row>
        <Row label="DNS names">
          {certificate.dnsNames.length === 0
            ? 'None'
            : certificate.dnsNames.map(name => (
                <Chip
                  key={name}
                  size="small"
                  label={name}
                  style={{ margin: '0 4px 4px 0' }}
                />
              ))}
        </Row>
        <Row label="Hostname coverage">{coverage(certificate)}</Row>
      </Box>
      <Box width="100%">
        <ReasonList
          reasons={certificate.reasons}
          label={`Certificate findings in ${props.cluster}`}
        />
      </Box>
    </Box>
  );
}
