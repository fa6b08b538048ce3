import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  InstanceLifecycle,
  InstanceDriftResponseV1,
  InstanceStatusResponseV1,
  VerdictState,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  namedClusters,
  STALWART_ANNOTATIONS,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { QuerySnapshot } from '../../queries/SharedQueryCache';
import { gitopsSummary, runningVersions } from '../SummaryStrip/summaries';

/** One instance as the fleet table shows it; `undefined` facts are unknown (not loaded, denied). */
export interface FleetRow {
  entityRef: string;
  entity: Entity;
  title: string;
  /** The owner as the catalog names it (`group:default/mail-team` reads `mail-team`). */
  owner?: string;
  /**
   * The clusters the entity names, known before any status loads; for an entity naming none
   * (every configured cluster), those its status covers once it loads.
   */
  clusters: string[];
  chart?: string;
  verdict?: VerdictState;
  /** Where the instance is between its proposal and running pods. */
  lifecycle?: InstanceLifecycle;
  /** The Stalwart versions its pods run, joined for display; `versions` for filtering. */
  version?: string;
  versions: string[];
  /** The fewest days left over the instance's clusters. */
  certificateDaysLeft?: number;
  /** Drifted settings, server-managed ones not counted. */
  driftCount?: number;
  gitops?: string;
  gitopsOk?: boolean | null;
  error?: Error;
  loading: boolean;
}

export function fleetRow(
  entity: Entity,
  status: QuerySnapshot<InstanceStatusResponseV1> | undefined,
  drift: QuerySnapshot<InstanceDriftResponseV1> | undefined,
  entityRef = stringifyEntityRef(entity),
): FleetRow {
  const data = status?.data;
  const days = (data?.clusters ?? [])
    .map(c => c.certificate?.daysLeft)
    .filter((d): d is number => d !== undefined);
  const gitops = data?.clusters.find(c => c.gitops)?.gitops;
  const summary = gitops ? gitopsSummary(gitops) : undefined;
  const counts = drift?.data?.counts;
  const versions = data ? runningVersions(data.clusters) : [];
  const annotations = entity.metadata.annotations ?? {};
  // An entity that names no cluster runs in every configured one: its status lists them.
  const named = namedClusters(entity);
  const owner = entity.spec?.owner;
  return {
    entityRef,
    entity,
    title: entity.metadata.title ?? entity.metadata.name,
    owner: typeof owner === 'string' ? owner.replace(/^.*[:/]/, '') : undefined,
    clusters: named.length ? named : data?.clusters.map(c => c.cluster) ?? [],
    chart: annotations[STALWART_ANNOTATIONS.chart],
    verdict: data?.verdict.state,
    lifecycle: data?.lifecycle,
    version: versions.join(', ') || undefined,
    versions,
    certificateDaysLeft: days.length > 0 ? Math.min(...days) : undefined,
    driftCount: counts
      ? Object.entries(counts)
          .filter(
            ([c]) =>
              c !== 'in-sync' &&
              !DRIFT_CLASS_INFO[c as keyof typeof DRIFT_CLASS_INFO]
                .hiddenByDefault,
          )
          .reduce((sum, [, n]) => sum + n, 0)
      : undefined,
    gitops: summary?.text,
    gitopsOk: summary?.ok,
    error: data ? undefined : status?.error,
    loading: !data && !status?.error,
  };
}

export type FleetSortKey =
  | 'title'
  | 'verdict'
  | 'version'
  | 'cluster'
  | 'chart'
  | 'owner'
  | 'certificateDaysLeft'
  | 'driftCount'
  | 'gitops';

const VERDICT_RANK: Record<VerdictState, number> = {
  critical: 0,
  warning: 1,
  unknown: 2,
  healthy: 3,
};

/** Sorts rows; unknown values always go last, whichever the direction. */
export function sortFleetRows(
  rows: FleetRow[],
  key: FleetSortKey,
  direction: 'asc' | 'desc',
): FleetRow[] {
  const value = (row: FleetRow): string | number | undefined => {
    if (key === 'verdict') return row.verdict && VERDICT_RANK[row.verdict];
    if (key === 'cluster') return row.clusters.join(', ') || undefined;
    return row[key];
  };
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      if (va === vb) return 0;
      return va === undefined ? 1 : -1;
    }
    if (typeof va === 'number' && typeof vb === 'number')
      return sign * (va - vb);
    return sign * String(va).localeCompare(String(vb));
  });
}

/** Certificate expiry buckets of the fleet chart, soonest first. */
export const EXPIRY_BUCKETS = [
  { label: 'Expired', test: (d: number) => d < 0 },
  { label: 'Under 7 days', test: (d: number) => d >= 0 && d < 7 },
  { label: '7–30 days', test: (d: number) => d >= 7 && d <= 30 },
  { label: '31–60 days', test: (d: number) => d > 30 && d <= 60 },
  { label: 'Over 60 days', test: (d: number) => d > 60 },
] as const;

export function expiryHistogram(
  rows: FleetRow[],
): Array<{ label: string; count: number }> {
  const days = rows
    .map(r => r.certificateDaysLeft)
    .filter((d): d is number => d !== undefined);
  return EXPIRY_BUCKETS.map(b => ({
    label: b.label,
    count: days.filter(b.test).length,
  }));
}
