import { evaluateCertificate } from './certificate';
import type { CertificateObject } from '@stalwart-backstage/plugin-stalwart-common';
import certificateFixture from './__fixtures__/certificate.json';

const certificate = certificateFixture as CertificateObject;
const notAfter = Date.parse(certificate.status!.notAfter!);
const daysBefore = (days: number) => new Date(notAfter - days * 86_400_000);

function withReady(
  status: 'True' | 'False' | 'Unknown',
  reason: string,
): CertificateObject {
  return {
    ...certificate,
    status: {
      ...certificate.status,
      conditions: [{ type: 'Ready', status, reason, message: 'Issuing' }],
    },
  };
}

describe('evaluateCertificate', () => {
  it('is ok with more than 30 days left and reports issuer, dates and names', () => {
    const status = evaluateCertificate({
      certificate,
      hostname: 'mail.example.com',
      now: daysBefore(45),
    });

    expect(status).toMatchObject({
      state: 'ok',
      name: 'mail-antigenic-stalwart-helm-chart-tls',
      daysLeft: 45,
      notAfter: '2026-11-30T08:01:11Z',
      renewalTime: '2026-10-31T08:01:11Z',
      issuer: { name: 'letsencrypt-dns', kind: 'ClusterIssuer' },
      dnsNames: ['mail.example.com'],
      coversHostname: true,
      reasons: [],
    });
  });

  it('warns at exactly 30 days left', () => {
    const status = evaluateCertificate({ certificate, now: daysBefore(30) });
    expect(status.state).toBe('warning');
    expect(status.reasons[0]).toMatchObject({
      code: 'certificate.expiring',
      severity: 'warning',
    });
  });

  it('is still a warning at 7 days and critical below 7', () => {
    expect(evaluateCertificate({ certificate, now: daysBefore(7) }).state).toBe(
      'warning',
    );
    const status = evaluateCertificate({ certificate, now: daysBefore(6) });
    expect(status.state).toBe('critical');
    expect(status.reasons[0].code).toBe('certificate.expires-soon');
  });

  it('is expired once notAfter has passed, even if cert-manager still says not ready', () => {
    const status = evaluateCertificate({
      certificate: withReady('False', 'Expired'),
      now: new Date(notAfter + 1000),
    });
    expect(status.state).toBe('expired');
    expect(status.reasons.map(r => r.code)).toEqual(['certificate.expired']);
  });

  it('is not ready while cert-manager reports Ready=False, with the reason', () => {
    const status = evaluateCertificate({
      certificate: withReady('False', 'DoesNotExist'),
      now: daysBefore(60),
    });
    expect(status.state).toBe('not-ready');
    expect(status.ready).toMatchObject({
      status: 'False',
      reason: 'DoesNotExist',
    });
    expect(status.reasons[0].message).toContain('DoesNotExist');
  });

  it('is missing when no Certificate serves the instance', () => {
    const status = evaluateCertificate({
      hostname: 'mail.example.com',
      now: new Date(),
    });
    expect(status).toMatchObject({ state: 'missing', coversHostname: false });
    expect(status.reasons[0].code).toBe('certificate.missing');
  });

  it('flags a certificate whose dnsNames do not cover the instance hostname', () => {
    const status = evaluateCertificate({
      certificate,
      hostname: 'smtp.example.org',
      now: daysBefore(45),
    });
    expect(status.state).toBe('ok');
    expect(status.coversHostname).toBe(false);
    expect(status.reasons).toEqual([
      expect.objectContaining({
        code: 'certificate.hostname-not-covered',
        severity: 'critical',
      }),
    ]);
  });

  it('leaves hostname coverage unknown when the instance hostname is not annotated', () => {
    const status = evaluateCertificate({ certificate, now: daysBefore(45) });
    expect(status.coversHostname).toBeNull();
  });
});
