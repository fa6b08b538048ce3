import type { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError, CustomErrorBase } from '@backstage/errors';
import {
  RemediationPlanV1,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  planRemediationV015,
  planRemediationV016,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { DriftService } from '../DriftService/types';
import { executePlan } from './executePlan';
import type { RemediationService } from './types';
import type { WorkloadPatcher } from './WorkloadPatcher';

/** A plan that stopped part-way: what ran, what failed, and the drift read again. */
export class RemediationFailedError extends CustomErrorBase {
  name = 'RemediationFailedError' as const;
  readonly statusCode = 502;
  constructor(
    message: string,
    readonly execution: RemediationResultV1['execution'],
    readonly recheck: RemediationResultV1['recheck'],
  ) {
    super(message);
  }
}

// What an audit record says about each call: no patch bodies or JMAP arguments (declared values).
const auditedCall = (call: RemediationPlanV1['calls'][number]) =>
  `${call.target} ${call.method}${'path' in call ? ` ${call.path}` : ''}`;

export function createRemediationService(options: {
  drift: DriftService;
  patcher: WorkloadPatcher;
  auditor: AuditorService;
  now?: () => Date;
}): RemediationService {
  const { drift, patcher, auditor, now = () => new Date() } = options;

  return {
    async auditRefusal({ entityRef, request, error }) {
      const event = await auditor.createEvent({
        eventId: 'settings-remediation',
        severityLevel: 'medium',
        request,
        meta: { entityRef },
      });
      await event.fail({ error });
    },
    async remediate(request) {
      const { instance, action, itemIds, dryRun } = request;
      const { entityRef } = instance;
      const reading = await drift.read({ instance, cluster: request.cluster });
      const workload = reading.workload ?? {
        kind: 'StatefulSet' as const,
        namespace: reading.instance.namespace,
        name: reading.instance.release,
      };
      const planner =
        reading.report.engine === 'v0.15'
          ? planRemediationV015
          : planRemediationV016;
      const plan = planner(reading.report, action, {
        itemIds,
        workload,
        now: now(),
      });
      if (!reading.workload && plan.calls.some(c => c.target === 'kubernetes'))
        throw new ConflictError(
          `The workload of release ${reading.instance.release} is not in the watch cache of cluster ${reading.cluster}, so there is nothing known to restart`,
        );
      const planned: RemediationResultV1 = {
        ...plan,
        dryRun,
        cluster: reading.cluster,
      };
      if (dryRun || plan.calls.length === 0) return planned;

      const event = await auditor.createEvent({
        eventId: 'settings-remediation',
        severityLevel: 'medium',
        request: request.request,
        meta: {
          entityRef,
          cluster: reading.cluster,
          engine: plan.engine,
          action,
          itemIds: plan.itemIds,
          calls: plan.calls.map(auditedCall),
        },
      });
      const execution = await executePlan(plan, reading, patcher);
      const rolloutStarted = plan.calls.some(
        (c, i) =>
          c.target === 'kubernetes' && execution.results[i].outcome === 'done',
      );
      let recheck: RemediationResultV1['recheck'];
      try {
        const again = await drift.read({ instance, cluster: reading.cluster });
        const drifted = new Set(
          again.report.items.filter(i => i.class !== 'in-sync').map(i => i.id),
        );
        recheck = {
          counts: again.report.counts,
          remainingItemIds: plan.itemIds.filter(id => drifted.has(id)),
          rolloutStarted,
          errors: again.report.errors,
          fetchedAt: again.fetchedAt.toISOString(),
        };
      } catch {
        // The calls already ran; a failed re-read must not turn their outcome into an error.
        recheck = undefined;
      }

      const failed = execution.results.find(r => r.outcome === 'failed');
      if (failed) {
        const call = plan.calls[failed.index];
        const error = new RemediationFailedError(
          `Call ${failed.index + 1} of ${plan.calls.length} failed (${
            call.description
          }): ${failed.error?.message}. ${
            failed.index === 0
              ? 'Nothing was changed.'
              : `The ${failed.index} call(s) before it ran.`
          }`,
          execution,
          recheck,
        );
        await event.fail({
          error,
          meta: {
            failedCall: auditedCall(call),
            results: execution.results as any,
          },
        });
        throw error;
      }
      await event.success({
        meta: {
          calls: plan.calls.length,
          remainingItemIds: recheck?.remainingItemIds ?? null,
          rolloutStarted,
        },
      });
      return { ...planned, execution, recheck };
    },
  };
}
