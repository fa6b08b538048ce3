import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';

/** One thing an instance's owner should be told, with the key it is sent once under. */
export interface OwnerAlert {
  /**
   * Stable while the condition lasts, so the alert is sent once per condition: a renewed
   * certificate, another threshold or a new failure message makes a new key.
   */
  key: string;
  /** The alert kind, so a cleared condition can be forgotten and alert again later. */
  kind:
    | 'certificate-expiring'
    | 'certificate-not-ready'
    | 'instance-critical'
    | 'reconcile-failed'
    | 'settings-drift';
  title: string;
  description: string;
  severity: 'critical' | 'high' | 'normal';
}

const FAILED_GITOPS = new Set(['gitops.not-ready', 'gitops.sync-failed']);

/**
 * What the owner of an instance should hear about from one status read: certificates within a
 * threshold of expiry (the smallest threshold crossed), certificates not ready, an instance
 * whose verdict is critical, a failed GitOps reconcile or sync.
 */
export function ownerAlerts(
  status: InstanceStatusResponseV1,
  expiryThresholdDays: number[],
): OwnerAlert[] {
  const { entityRef } = status;
  const alerts: OwnerAlert[] = [];
  for (const cluster of status.clusters) {
    const certificate = cluster.certificate;
    const where = `${certificate?.name ?? 'certificate'} in cluster ${
      cluster.cluster
    }`;
    if (certificate?.state === 'not-ready')
      alerts.push({
        key: `${entityRef}|${cluster.cluster}|certificate-not-ready|${certificate.name}`,
        kind: 'certificate-not-ready',
        title: `Certificate of ${entityRef} is not ready`,
        description: `${where}: ${certificate.ready?.reason ?? ''} ${
          certificate.ready?.message ?? ''
        }`.trim(),
        severity: 'high',
      });
    const daysLeft = certificate?.daysLeft;
    if (certificate && daysLeft !== undefined) {
      const crossed = expiryThresholdDays.filter(d => daysLeft <= d);
      if (crossed.length > 0) {
        const threshold = Math.min(...crossed);
        alerts.push({
          key: `${entityRef}|${cluster.cluster}|certificate-expiring|${certificate.notAfter}|${threshold}`,
          kind: 'certificate-expiring',
          title:
            daysLeft < 0
              ? `Certificate of ${entityRef} has expired`
              : `Certificate of ${entityRef} expires in ${daysLeft} days`,
          description: `${where} is valid until ${certificate.notAfter}`,
          severity:
            threshold <= Math.min(...expiryThresholdDays) ? 'critical' : 'high',
        });
      }
    }
    for (const reason of cluster.gitops?.reasons ?? [])
      if (FAILED_GITOPS.has(reason.code))
        alerts.push({
          key: `${entityRef}|${cluster.cluster}|reconcile-failed|${reason.message}`,
          kind: 'reconcile-failed',
          title: `GitOps reconcile of ${entityRef} failed`,
          description: `Cluster ${cluster.cluster}: ${reason.message}`,
          severity: 'high',
        });
  }
  if (status.verdict.state === 'critical')
    alerts.push({
      key: `${entityRef}|instance-critical`,
      kind: 'instance-critical',
      title: `${entityRef} is critical`,
      description: status.verdict.reasons
        .filter(r => r.severity === 'critical')
        .map(r => r.message)
        .join('; '),
      severity: 'critical',
    });
  return alerts;
}
