import { Box, Flex } from '@backstage/ui';
import type { CertificateStatus } from '@stalwart-backstage/plugin-stalwart-common';
import { Fact, FactList } from '../common/FactList';
import { formatAge } from '../common/formatAge';
import { ReasonList } from '../common/ReasonList';
import { TruncatedText } from '../common/TruncatedText';
import { CertificateCountdown, countdownText } from './CertificateCountdown';

const STATE_LABELS: Record<CertificateStatus['state'], string> = {
  ok: 'Valid',
  warning: 'Expiring',
  critical: 'Expiring soon',
  expired: 'Expired',
  'not-ready': 'Not ready',
  missing: 'Missing',
};

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

/** One name a line, cut with an ellipsis when it does not fit: a long name never wraps. */
function DnsNames(props: { names: string[]; cluster: string }) {
  if (props.names.length === 0) return <>None</>;
  return (
    <ul
      aria-label={`DNS names in ${props.cluster}`}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {props.names.map(name => (
        <li key={name}>
          <TruncatedText text={name} code />
        </li>
      ))}
    </ul>
  );
}

/** One cluster's cert-manager Certificate. */
export function CertificateDetails(props: {
  certificate: CertificateStatus;
  cluster: string;
}) {
  const { certificate } = props;
  return (
    <Flex gap="5" align="start" style={{ flexWrap: 'wrap' }}>
      <CertificateCountdown certificate={certificate} />
      <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
        <FactList>
          <Fact label="State">
            {STATE_LABELS[certificate.state]} · {countdownText(certificate)}
          </Fact>
          {certificate.name && (
            <Fact label="Certificate">{certificate.name}</Fact>
          )}
          <Fact label="Issuer">
            {certificate.issuer
              ? `${certificate.issuer.kind ?? 'Issuer'} ${
                  certificate.issuer.name
                }`
              : 'Unknown'}
          </Fact>
          <Fact label="Expires">{when(certificate.notAfter)}</Fact>
          <Fact label="Renewal">{when(certificate.renewalTime)}</Fact>
          <Fact label="DNS names">
            <DnsNames names={certificate.dnsNames} cluster={props.cluster} />
          </Fact>
          <Fact label="Hostname coverage">{coverage(certificate)}</Fact>
        </FactList>
      </Box>
      <Box width="100%">
        <ReasonList
          reasons={certificate.reasons}
          label={`Certificate findings in ${props.cluster}`}
        />
      </Box>
    </Flex>
  );
}
