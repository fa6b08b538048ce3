import type {
  Severity,
  StatusReason,
  Verdict,
} from '@stalwart-backstage/plugin-stalwart-common';

/**
 * What one cluster contributes to an instance's verdict.
 *
 * @public
 */
export interface ClusterFindings {
  cluster: string;
  /** `live` from a healthy watch, `stale` kept from before a failure, `unavailable` never read. */
  data: 'live' | 'stale' | 'unavailable';
  error?: { message: string };
  /** Age of stale data, in seconds. */
  dataAgeSeconds?: number;
  reasons: StatusReason[];
}

const SEVERITY_RANK: Record<Severity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

/**
 * The overall state of an instance across its clusters: the worst finding wins, a cluster that
 * could not be read makes the verdict uncertain rather than healthy, and no data at all is
 * `unknown`.
 *
 * @public
 */
export function computeVerdict(clusters: ClusterFindings[]): Verdict {
  if (clusters.length === 0) {
    return {
      state: 'unknown',
      reasons: [
        {
          code: 'instance.no-clusters',
          severity: 'warning',
          message: 'The instance names no configured cluster',
        },
      ],
    };
  }

  const reasons = clusters.flatMap(c => [
    ...connectivityReasons(c),
    ...c.reasons.map(r => ({ ...r, cluster: c.cluster })),
  ]);
  reasons.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);

  if (clusters.every(c => c.data === 'unavailable')) {
    return { state: 'unknown', reasons };
  }
  if (reasons.some(r => r.severity === 'critical')) {
    return { state: 'critical', reasons };
  }
  if (reasons.some(r => r.severity === 'warning')) {
    return { state: 'warning', reasons };
  }
  return { state: 'healthy', reasons };
}

function connectivityReasons(cluster: ClusterFindings): StatusReason[] {
  const cause = cluster.error ? `: ${cluster.error.message}` : '';
  if (cluster.data === 'unavailable') {
    return [
      {
        code: 'cluster.unavailable',
        severity: 'warning',
        message: `Cluster ${cluster.cluster} could not be read${cause}`,
        cluster: cluster.cluster,
      },
    ];
  }
  if (cluster.data === 'stale') {
    const age = Math.round((cluster.dataAgeSeconds ?? 0) / 60);
    return [
      {
        code: 'cluster.stale',
        severity: 'warning',
        message: `Data from cluster ${cluster.cluster} is ${age} minutes old${cause}`,
        cluster: cluster.cluster,
      },
    ];
  }
  return [];
}
