import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, CustomErrorBase } from '@backstage/errors';
import {
  GitOpsAction,
  GitOpsActionPlanV1,
  GitOpsActionResultV1,
  GitOpsObservedStateV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  fluxSourceOf,
  GitOpsObject,
  observeArgoCd,
  observeFlux,
  planArgoCdAction,
  planFluxAction,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { Request } from 'express';
import type { StalwartGitOpsConfig } from '../../config/readStalwartGitOpsConfig';
import type { KubernetesObjectClient } from '../ClusterClientService/createObjectClient';
import type { KubernetesCacheService } from '../KubernetesCacheService/types';
import { locateGitOpsOwner } from './locateGitOpsOwner';
import { objectPath } from './objectPath';
import { principalKey } from './principalKey';
import type { GitOpsActionRequest, GitOpsActionService } from './types';

/** A write the API server refused or did not answer; says which writes before it went through. */
export class GitOpsWriteFailedError extends CustomErrorBase {
  name = 'GitOpsWriteFailedError' as const;
  readonly statusCode = 502;
}

const POLL_MS = 250;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const observe = (
  plan: GitOpsActionPlanV1,
  owner: unknown,
): GitOpsObservedStateV1 =>
  plan.tool === 'flux'
    ? observeFlux(owner as any, plan.requestedAt)
    : observeArgoCd(owner as any, plan.action);

export function createGitOpsActionService(options: {
  cache: KubernetesCacheService;
  objects: KubernetesObjectClient;
  auditor: AuditorService;
  config: StalwartGitOpsConfig;
  /** The clusters located now. */
  configuredClusters: () => string[];
  argoCdNamespaces: string[];
  now?: () => Date;
}): GitOpsActionService {
  const { objects, auditor, config, now = () => new Date() } = options;

  async function getOptional(cluster: string, path: string) {
    try {
      return (await objects.get(cluster, path)) as GitOpsObject;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404)
        return undefined;
      throw error;
    }
  }

  async function plan(
    cluster: string,
    owner: GitOpsActionPlanV1['owner'],
    action: GitOpsAction,
    credentials: BackstageCredentials,
  ): Promise<GitOpsActionPlanV1> {
    // The cache located the owner; the plan is made from the object as it is now.
    const live = await getOptional(cluster, objectPath(owner));
    if (!live)
      throw new ConflictError(
        `${owner.kind} ${owner.namespace}/${owner.name} no longer exists in cluster ${cluster}`,
      );
    if (owner.kind === 'HelmRelease') {
      return planFluxAction({
        action,
        helmRelease: live as any,
        source:
          action === 'reconcile'
            ? await getOptional(cluster, objectPath(fluxSourceOf(live as any)))
            : undefined,
        now: now(),
      });
    }
    return planArgoCdAction({
      action,
      application: live as any,
      watchedNamespaces: config.argoCdWatchedNamespaces,
      username: principalKey(credentials),
    });
  }

  async function waitForController(
    cluster: string,
    planned: GitOpsActionPlanV1,
    written: unknown,
  ): Promise<GitOpsObservedStateV1> {
    let observed = observe(planned, written);
    const deadline = Date.now() + config.resultWaitMs;
    while (!observed.handled && Date.now() < deadline) {
      await sleep(POLL_MS);
      const owner = await getOptional(cluster, objectPath(planned.owner));
      if (!owner) break;
      observed = observe(planned, owner);
    }
    return observed;
  }

  async function auditRefusal(refusal: {
    entityRef: string;
    action: string;
    request?: Request;
    error: Error;
  }) {
    const event = await auditor.createEvent({
      eventId: 'gitops-action',
      severityLevel: 'medium',
      request: refusal.request,
      meta: { entityRef: refusal.entityRef, action: refusal.action },
    });
    await event.fail({ error: refusal.error });
  }

  async function locateAndPlan(request: GitOpsActionRequest) {
    const { instance, credentials } = request;
    const { cluster, owner } = await locateGitOpsOwner({
      cache: options.cache,
      entityRef: instance.entityRef,
      instance: instance.location,
      configuredClusters: options.configuredClusters,
      argoCdNamespaces: options.argoCdNamespaces,
      cluster: request.cluster,
    });
    return {
      cluster,
      owner,
      planned: await plan(cluster, owner, request.action, credentials),
    };
  }

  return {
    auditRefusal,

    async run(request) {
      const { action, dryRun } = request;
      const { entityRef } = request.instance;
      let located: Awaited<ReturnType<typeof locateAndPlan>>;
      try {
        located = await locateAndPlan(request);
      } catch (error) {
        await auditRefusal({
          entityRef,
          action,
          request: request.request,
          error: error as Error,
        });
        throw error;
      }
      const { cluster, owner, planned } = located;
      const result: GitOpsActionResultV1 = {
        apiVersion: 'v1',
        entityRef,
        cluster,
        dryRun,
        ...planned,
      };
      if (dryRun) return result;

      const event = await auditor.createEvent({
        eventId: 'gitops-action',
        severityLevel: 'medium',
        request: request.request,
        meta: {
          entityRef,
          cluster,
          action,
          tool: planned.tool,
          owner: `${owner.kind} ${owner.namespace}/${owner.name}`,
          patches: planned.patches.map(p => p.description),
        },
      });
      let written: unknown;
      for (const [index, patch] of planned.patches.entries()) {
        try {
          written = await objects.patch({
            cluster,
            path: objectPath(patch.target),
            contentType: patch.contentType,
            body: patch.body,
          });
        } catch (cause) {
          const statusCode = (cause as { statusCode?: number }).statusCode;
          const before =
            index === 0
              ? 'Nothing was changed.'
              : `Written before it: ${planned.patches
                  .slice(0, index)
                  .map(p => p.description)
                  .join('; ')}.`;
          const message = `${patch.description} failed: ${
            (cause as Error).message
          }. ${before}`;
          const error =
            statusCode === 409
              ? new ConflictError(
                  `${patch.target.kind} ${patch.target.namespace}/${patch.target.name} changed since it was read; look again and retry. ${before}`,
                )
              : new GitOpsWriteFailedError(message);
          await event.fail({ error });
          throw error;
        }
      }
      const observed = await waitForController(cluster, planned, written);
      await event.success({ meta: { handled: observed.handled } });
      return { ...result, observed };
    },
  };
}
