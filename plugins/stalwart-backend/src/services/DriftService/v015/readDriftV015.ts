import {
  classifyDriftV015,
  DriftReport,
  podSubstitutionsV015,
  V015PodInput,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { InstanceLocation } from '../../InstanceResolver/instanceFromEntity';
import type { StalwartPodConnection } from '../../StalwartConnection/types';
import type { DeclaredObjects } from '../declaredObjects';
import { readFailureOf } from '../readFailure';

/**
 * The v0.15 drift of one cluster: the ConfigMap's config.toml (substituted per pod as the chart's
 * init container does) against every pod's `GET /api/settings/list`, read in parallel. A pod
 * that cannot be read is reported next to the others, never counted as in sync.
 */
export async function readDriftV015(options: {
  instance: InstanceLocation;
  declared: DeclaredObjects;
  pods: StalwartPodConnection[];
}): Promise<DriftReport> {
  const { instance, declared, pods } = options;
  const reasons = new Map<string, string>();
  const inputs = await Promise.all(
    pods.map(async (connection): Promise<V015PodInput> => {
      const { pod } = connection;
      const base: V015PodInput = {
        name: pod.name,
        ...(typeof pod.nodeId === 'number' ? { nodeId: pod.nodeId } : {}),
        substitutions: instance.flavor
          ? podSubstitutionsV015(instance.flavor, pod.name, {
              replicas: declared.replicas,
            })
          : {},
        ...(pod.configChecksum ? { configChecksum: pod.configChecksum } : {}),
      };
      if (connection.engine !== 'v0.15') {
        const failure =
          connection.engine === 'v0.16'
            ? {
                message: `The pod runs Stalwart ${
                  connection.version.versions[0] ?? 'v0.16'
                } (registry), not the v0.15 settings API the rest of the instance serves`,
                reason: 'unsupported-version',
              }
            : readFailureOf(connection.error);
        if (failure.reason) reasons.set(pod.name, failure.reason);
        return { ...base, error: failure };
      }
      try {
        return { ...base, settings: await connection.client.listSettings() };
      } catch (error) {
        const failure = readFailureOf(error);
        if (failure.reason) reasons.set(pod.name, failure.reason);
        return { ...base, error: failure };
      }
    }),
  );

  if (declared.configText === undefined) {
    // Nothing declared to compare with: report the reads, classify nothing.
    const empty = classifyDriftV015({ configToml: '', pods: [] });
    return {
      ...empty,
      pods: inputs.map(p => ({ name: p.name, read: Boolean(p.settings) })),
      errors: [
        {
          source: 'configmap',
          reason: 'declared-state-unavailable',
          message: declared.configProblem ?? 'The ConfigMap was not read',
        },
        ...inputs.flatMap(p =>
          p.error
            ? [
                {
                  pod: p.name,
                  source: 'settings',
                  ...(p.error.statusCode
                    ? { statusCode: p.error.statusCode }
                    : {}),
                  ...(reasons.has(p.name)
                    ? { reason: reasons.get(p.name) }
                    : {}),
                  message: p.error.message,
                },
              ]
            : [],
        ),
      ],
    };
  }
  const report = classifyDriftV015({
    configToml: declared.configText,
    currentConfigChecksum: declared.currentConfigChecksum,
    pods: inputs,
  });
  report.errors = report.errors.map(e =>
    e.pod && reasons.has(e.pod) ? { ...e, reason: reasons.get(e.pod) } : e,
  );
  return report;
}
