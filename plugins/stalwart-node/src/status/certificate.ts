import { dnsNamesCover } from './hostnames';
import {
  CERTIFICATE_THRESHOLDS,
  type CertificateObject,
  type CertificateState,
  type CertificateStatus,
  type StatusReason,
} from '@stalwart-backstage/plugin-stalwart-common';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The state of the instance's cert-manager Certificate.
 *
 * @public
 */
export function evaluateCertificate(options: {
  certificate?: CertificateObject;
  hostname?: string;
  now: Date;
}): CertificateStatus {
  const { certificate, hostname, now } = options;
  if (!certificate) {
    return {
      state: 'missing',
      dnsNames: [],
      hostname,
      coversHostname: hostname ? false : null,
      reasons: [
        {
          code: 'certificate.missing',
          severity: 'warning',
          message:
            'No cert-manager Certificate serves this instance; mail TLS relies on a certificate managed elsewhere',
        },
      ],
    };
  }

  const name = certificate.metadata?.name ?? '';
  const readyCondition = certificate.status?.conditions?.find(
    c => c.type === 'Ready',
  );
  const notAfter = certificate.status?.notAfter;
  const daysLeft = notAfter
    ? Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS)
    : undefined;
  const dnsNames = certificate.spec?.dnsNames ?? [];
  const coversHostname = hostname ? dnsNamesCover(dnsNames, hostname) : null;
  const state = certificateState({
    ready: readyCondition?.status,
    notAfter,
    daysLeft,
    now,
  });

  const reasons: StatusReason[] = [];
  const stateReason = reasonForState(state, name, daysLeft, readyCondition);
  if (stateReason) reasons.push(stateReason);
  if (coversHostname === false) {
    reasons.push({
      code: 'certificate.hostname-not-covered',
      severity: 'critical',
      message: `Certificate ${name} does not cover ${hostname} (dnsNames: ${
        dnsNames.join(', ') || 'none'
      }); clients will reject TLS`,
    });
  }

  return {
    state,
    name,
    ready: readyCondition
      ? {
          status: readyCondition.status,
          reason: readyCondition.reason,
          message: readyCondition.message,
        }
      : undefined,
    notAfter,
    renewalTime: certificate.status?.renewalTime,
    daysLeft,
    issuer: certificate.spec?.issuerRef
      ? {
          name: certificate.spec.issuerRef.name,
          kind: certificate.spec.issuerRef.kind,
          group: certificate.spec.issuerRef.group,
        }
      : undefined,
    dnsNames,
    hostname,
    coversHostname,
    reasons,
  };
}

function certificateState(facts: {
  ready?: string;
  notAfter?: string;
  daysLeft?: number;
  now: Date;
}): CertificateState {
  // An expired certificate stays expired even while cert-manager reports it not ready.
  if (facts.notAfter && Date.parse(facts.notAfter) <= facts.now.getTime()) {
    return 'expired';
  }
  if (facts.ready !== 'True' || facts.daysLeft === undefined) {
    return 'not-ready';
  }
  if (facts.daysLeft < CERTIFICATE_THRESHOLDS.criticalDays) return 'critical';
  if (facts.daysLeft <= CERTIFICATE_THRESHOLDS.warningDays) return 'warning';
  return 'ok';
}

function reasonForState(
  state: CertificateState,
  name: string,
  daysLeft: number | undefined,
  ready: { reason?: string; message?: string } | undefined,
): StatusReason | undefined {
  switch (state) {
    case 'expired':
      return {
        code: 'certificate.expired',
        severity: 'critical',
        message: `Certificate ${name} has expired`,
      };
    case 'not-ready':
      return {
        code: 'certificate.not-ready',
        severity: 'critical',
        message: `Certificate ${name} is not ready${
          ready?.reason ? ` (${ready.reason}: ${ready.message ?? ''})` : ''
        }`,
      };
    case 'critical':
      return {
        code: 'certificate.expires-soon',
        severity: 'critical',
        message: `Certificate ${name} expires in ${daysLeft} days`,
      };
    case 'warning':
      return {
        code: 'certificate.expiring',
        severity: 'warning',
        message: `Certificate ${name} expires in ${daysLeft} days`,
      };
    default:
      return undefined;
  }
}
