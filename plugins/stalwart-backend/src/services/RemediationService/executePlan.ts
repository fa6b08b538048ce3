import { CustomErrorBase } from '@backstage/errors';
import type {
  RemediationCallResultV1,
  RemediationCallV1,
  RemediationPlanV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { DriftReading } from '../DriftService/types';
import { StalwartApiError } from '../StalwartConnection/errors/StalwartApiError';
import type { StalwartPodConnection } from '../StalwartConnection/types';
import { KubernetesRequestError } from '../KubernetesCacheService/KubernetesRequestError';
import type { WorkloadPatcher } from './WorkloadPatcher';

/** A plan call the executor will not run: the planner only ever makes the calls below. */
class UnexpectedCallError extends CustomErrorBase {
  name = 'UnexpectedCallError' as const;
}

/** A call Stalwart or Kubernetes answered, but refused (a reload with errors, a JMAP notUpdated). */
class CallRefusedError extends CustomErrorBase {
  name = 'CallRefusedError' as const;
}

const SETTINGS_KEY_PATH = /^\/api\/settings\/([^/?#]+)$/;
const SET_METHOD = /^(x:[A-Z][A-Za-z0-9]*)\/set$/;

function podFor<E extends 'v0.15' | 'v0.16'>(
  pods: StalwartPodConnection[],
  engine: E,
  name?: string,
) {
  const pod = pods.find(
    p => p.engine === engine && (!name || p.pod.name === name),
  );
  if (!pod)
    throw new UnexpectedCallError(
      name
        ? `Pod ${name} cannot be reached with the ${engine} API`
        : `No pod of the instance can be reached with the ${engine} API`,
    );
  return pod as Extract<StalwartPodConnection, { engine: E }>;
}

async function runCall(
  call: RemediationCallV1,
  reading: DriftReading,
  patcher: WorkloadPatcher,
): Promise<void> {
  if (call.target === 'stalwart-rest') {
    // The settings database is shared: any pod deletes for all; a reload broadcasts to the cluster.
    const { client } = podFor(reading.pods, 'v0.15', call.pod);
    const key = call.path.match(SETTINGS_KEY_PATH)?.[1];
    if (call.method === 'DELETE' && key)
      return client.deleteKey(decodeURIComponent(key));
    if (call.method === 'GET' && call.path === '/api/reload') {
      const { errors } = await client.reload();
      const keys = Object.keys(errors);
      if (keys.length)
        throw new CallRefusedError(
          `Stalwart applied nothing: the reload reports errors for ${keys
            .slice(0, 10)
            .join(', ')}`,
        );
      return undefined;
    }
  } else if (call.target === 'stalwart-jmap') {
    const { client } = podFor(reading.pods, 'v0.16');
    const type = call.method.match(SET_METHOD)?.[1];
    const args = call.arguments as any;
    if (
      type === 'x:Action' &&
      args?.create?.reload?.['@type'] === 'ReloadSettings'
    )
      return client.reloadSettings();
    if (type && type !== 'x:Action') {
      const result = await client.set(type, args);
      const refused = [
        ...Object.entries(result.notCreated ?? {}),
        ...Object.entries(result.notUpdated ?? {}),
        ...Object.entries(result.notDestroyed ?? {}),
      ];
      if (refused.length)
        throw new CallRefusedError(
          `Stalwart refused ${call.method} for ${refused
            .map(
              ([id, e]) =>
                `${id} (${e.type}${e.description ? `: ${e.description}` : ''})`,
            )
            .join(', ')}`,
        );
      return undefined;
    }
  } else if (call.target === 'kubernetes' && call.method === 'PATCH') {
    const { workload } = reading;
    // Only the instance's own workload, found in the cache, is ever patched.
    if (workload && call.path === patcher.pathOf(workload))
      return patcher.patch({
        cluster: reading.cluster,
        workload,
        contentType:
          call.contentType ?? 'application/strategic-merge-patch+json',
        body: call.body,
      });
  }
  throw new UnexpectedCallError(
    `The backend does not run ${call.target} ${call.method} ${
      'path' in call ? call.path : ''
    }`.trim(),
  );
}

function describeFailure(error: unknown): RemediationCallResultV1['error'] {
  if (error instanceof StalwartApiError)
    return {
      message: error.message,
      reason: error.reason,
      ...(error.upstreamStatus ? { statusCode: error.upstreamStatus } : {}),
    };
  if (error instanceof KubernetesRequestError)
    return {
      message: `The Kubernetes API refused the patch: ${error.message}`,
      reason: 'kubernetes-error',
      ...(error.statusCode ? { statusCode: error.statusCode } : {}),
    };
  if (error instanceof CallRefusedError)
    return { message: error.message, reason: 'refused' };
  if (error instanceof UnexpectedCallError)
    return { message: error.message, reason: 'unsupported-call' };
  return {
    message: `Unexpected failure: ${
      error instanceof Error ? error.name : 'unknown error'
    }`,
    reason: 'unexpected',
  };
}

/**
 * Runs a plan's calls in order, exactly as planned, stopping at the first failure (a reload after
 * a failed delete, or a restart after a refused set, would only hide the problem).
 */
export async function executePlan(
  plan: RemediationPlanV1,
  reading: DriftReading,
  patcher: WorkloadPatcher,
): Promise<{ completed: boolean; results: RemediationCallResultV1[] }> {
  const results: RemediationCallResultV1[] = plan.calls.map((_, index) => ({
    index,
    outcome: 'not-run',
  }));
  for (const [index, call] of plan.calls.entries()) {
    try {
      await runCall(call, reading, patcher);
      results[index] = { index, outcome: 'done' };
    } catch (error) {
      results[index] = {
        index,
        outcome: 'failed',
        error: describeFailure(error),
      };
      return { completed: false, results };
    }
  }
  return { completed: true, results };
}
