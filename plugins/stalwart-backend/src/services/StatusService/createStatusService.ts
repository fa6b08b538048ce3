import {
  ClusterInstanceStatusV1,
  STATUS_API_VERSION,
} from '@stalwart-backstage/plugin-stalwart-common';
import { nodeIdForPod } from '@stalwart-backstage/plugin-stalwart-charts';
import {
  computeVerdict,
  evaluateInstance,
  evaluateLifecycle,
  settleMissingObjects,
  settleMissingSections,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { StalwartStatusConfig } from '../../config/types';
import type { KubernetesCacheService } from '../KubernetesCacheService/types';
import type { ClusterClientService } from '../ClusterClientService/createClusterClientService';
import { clusterFreshness } from './clusterFreshness';
import { clustersHoldingRelease } from './clustersHoldingRelease';
import { departedReasons } from './departedReasons';
import type { InstanceLocation } from '../InstanceResolver/instanceFromEntity';
import { readInstanceObjects } from './readInstanceObjects';
import {
  unreadableKinds,
  unreadableKindsError,
  withoutUnreadableSections,
} from './unreadableKinds';
import type { StatusService } from './types';
import type { ProposalReader } from './readProposal';

export function createStatusService(options: {
  /** Where the entity was proposed (a branch of the local fleet repository). */
  readProposal?: ProposalReader;
  config: StalwartStatusConfig;
  cache: KubernetesCacheService;
  /** Which clusters are located now; default the ones fixed in `config`. */
  clusters?: Pick<ClusterClientService, 'clusterNames' | 'unsupportedReason'>;
  now?: () => Date;
}): StatusService {
  const { config, cache, now = () => new Date() } = options;
  const located = options.clusters ?? fixedClusters(config);

  async function clusterStatus(
    cluster: string,
    instance: InstanceLocation,
  ): Promise<ClusterInstanceStatusV1> {
    const at = now();
    if (!located.clusterNames().includes(cluster)) {
      return unavailable(
        cluster,
        located.unsupportedReason(cluster) ??
          `Cluster "${cluster}" is not configured in kubernetes.clusterLocatorMethods`,
        at,
      );
    }
    const { selected, snapshots } = await readInstanceObjects({
      cache,
      cluster,
      instance,
      argoCdNamespaces: config.argoCdNamespaces,
    });

    const unreadable = unreadableKinds(snapshots);
    const freshness = clusterFreshness(
      snapshots
        .filter(([kind]) => !unreadable.some(u => u.kind === kind))
        .map(([, snapshot]) => snapshot),
      at,
    );
    if (freshness.data === 'unavailable') {
      return {
        cluster,
        ...freshness,
        workload: null,
        pods: [],
        verdict: computeVerdict([{ cluster, ...freshness, reasons: [] }]),
      };
    }
    const { flavor } = instance;
    const replicas = selected.workload?.spec?.replicas ?? 1;
    const sections = evaluateInstance({
      objects: selected,
      release: instance.release,
      hostname: instance.hostname,
      configChecksumAnnotation: flavor
        ? flavor.configChecksumAnnotation
        : 'checksum/config',
      nodeIdOf: flavor
        ? ({ name }) => nodeIdForPod(flavor, name, { replicas }) ?? null
        : undefined,
      now: at,
    });
    const { reasons, ...rest } = withoutUnreadableSections(
      sections,
      unreadable,
    );
    const error = freshness.error ?? unreadableKindsError(unreadable);
    return {
      cluster,
      ...freshness,
      ...(error ? { error } : {}),
      ...rest,
      verdict: computeVerdict([
        {
          cluster,
          ...freshness,
          reasons: [
            ...reasons,
            ...departedReasons(
              cluster,
              snapshots.map(([, snapshot]) => snapshot),
            ),
          ],
        },
      ]),
    };
  }

  return {
    async getStatus({ entityRef, entity, location: instance }) {
      const clusterNames = instance.clusters ?? located.clusterNames();
      const [searched, proposal] = await Promise.all([
        Promise.all(
          clusterNames.map(cluster => clusterStatus(cluster, instance)),
        ),
        options.readProposal?.(entity),
      ]);
      const observed = clustersHoldingRelease(
        searched,
        instance.clusters !== undefined,
      );
      const lifecycle = evaluateLifecycle({ proposal, clusters: observed });
      const clusters = observed.map(observedCluster => {
        const c = settleMissingSections(observedCluster, lifecycle);
        const reasons = settleMissingObjects(c.verdict.reasons, lifecycle);
        return reasons === c.verdict.reasons
          ? c
          : {
              ...c,
              verdict: computeVerdict([
                {
                  ...c,
                  reasons: reasons.filter(r => !r.code.startsWith('cluster.')),
                },
              ]),
            };
      });
      return {
        apiVersion: STATUS_API_VERSION,
        entityRef,
        instance: {
          release: instance.release,
          namespace: instance.namespace,
          chart: instance.chart,
          hostname: instance.hostname,
        },
        lifecycle,
        verdict: computeVerdict(
          clusters.map(c => ({
            ...c,
            // computeVerdict adds each cluster's connectivity finding itself.
            reasons: c.verdict.reasons.filter(
              r => !r.code.startsWith('cluster.'),
            ),
          })),
        ),
        clusters,
        errors: clusters.flatMap(c =>
          c.error ? [{ cluster: c.cluster, ...c.error }] : [],
        ),
        fetchedAt: now().toISOString(),
      };
    },
  };
}

function unavailable(
  cluster: string,
  message: string,
  at: Date,
): ClusterInstanceStatusV1 {
  const freshness = {
    data: 'unavailable' as const,
    error: { message, since: at.toISOString() },
  };
  return {
    cluster,
    ...freshness,
    workload: null,
    pods: [],
    verdict: computeVerdict([{ cluster, ...freshness, reasons: [] }]),
  };
}

function fixedClusters(
  config: StalwartStatusConfig,
): Pick<ClusterClientService, 'clusterNames' | 'unsupportedReason'> {
  const unsupported = new Map(
    config.unsupportedClusters.map(c => [c.name, c.reason]),
  );
  return {
    clusterNames: () => config.clusters.map(c => c.name),
    unsupportedReason: cluster => unsupported.get(cluster),
  };
}
