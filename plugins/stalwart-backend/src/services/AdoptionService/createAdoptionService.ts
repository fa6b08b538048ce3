import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import type { ResolvedInstance } from '../InstanceResolver/types';
import type { Entity } from '@backstage/catalog-model';
import {
  digestOf,
  planAdoptionV016,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { AdoptionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type express from 'express';
import type { DriftService } from '../DriftService/types';
import { ADOPTION_BRANCH_PREFIX, adoptionCommitMessage } from './commitMessage';
import { instanceFolder } from './instanceFolder';
import type { AdoptionProposal, AdoptionPublisher } from './publishers/types';

const ALREADY = 'Another adoption of the same settings is already proposed';

function alreadyProposed(proposal: { branch: string; url?: string }) {
  const where = proposal.url
    ? `on branch ${proposal.branch} (${proposal.url})`
    : `on branch ${proposal.branch}`;
  return `${ALREADY} ${where}: review or merge that one`;
}

export function createAdoptionService(options: {
  drift: DriftService;
  /** Where an instance's adoptions go: its hosted repository, or the local one. */
  publisherFor: (
    entity: Entity,
    credentials: BackstageCredentials,
  ) => AdoptionPublisher;
  planDirectories: readonly string[];
  auditor: AuditorService;
}) {
  const { drift, auditor } = options;
  return {
    async auditRefusal(
      entityRef: string,
      request: express.Request | undefined,
      error: Error,
    ) {
      const event = await auditor.createEvent({
        eventId: 'settings-adoption',
        severityLevel: 'medium',
        request,
        meta: { entityRef },
      });
      await event.fail({ error });
    },

    /**
     * The open adoptions of an instance and the items each adopts: branches of the local fleet
     * repository, or open pull / merge requests of the hosted one, each with its link.
     */
    async proposed(
      instance: ResolvedInstance,
      credentials: BackstageCredentials,
    ): Promise<AdoptionProposal[]> {
      // The folder comes from the entity alone: no live read of the server to list branches.
      const folder = instanceFolder(instance.entity, options.planDirectories);
      return options
        .publisherFor(instance.entity, credentials)
        .proposals(`${ADOPTION_BRANCH_PREFIX}${folder}/`);
    },

    async adopt(request: {
      instance: ResolvedInstance;
      credentials: BackstageCredentials<{
        type: 'user';
        userEntityRef: string;
      }>;
      itemIds: string[];
      dryRun: boolean;
      expectedLive?: Record<string, string | null>;
      /** The HTTP request, for the audit event; absent for an AI agent's action. */
      request?: express.Request;
    }): Promise<AdoptionResultV1> {
      const { instance, credentials, itemIds, dryRun } = request;
      const { entityRef } = instance;
      const reading = await drift.read({ instance });
      if (reading.report.engine !== 'v0.16')
        throw new InputError(
          `${entityRef} runs Stalwart ${reading.report.engine}: its live values are adopted into the instance spec, which the fleet folder does not hold; use stalwart-gitops adopt --spec … --from-live …`,
        );
      const folder = instanceFolder(reading.entity, options.planDirectories);
      const publisher = options.publisherFor(reading.entity, credentials);
      const plan = await publisher.readPlan(folder);
      const change = planAdoptionV016({
        items: reading.report.items,
        itemIds,
        plan,
      });
      const byId = new Map(reading.report.items.map(i => [i.id, i]));
      const expectedLive = Object.fromEntries(
        change.adopted.map(id => [id, byId.get(id)?.live ?? null]),
      );
      for (const [id, expected] of Object.entries(request.expectedLive ?? {}))
        if (id in expectedLive && expectedLive[id] !== expected)
          throw new ConflictError(
            `${id} drifted again since the dry run: it was ${
              expected ?? '(absent)'
            } and is now ${
              expectedLive[id] ?? '(absent)'
            }; review the new value and adopt again`,
          );
      if (change.adopted.length === 0)
        throw new InputError(
          `Nothing to adopt: ${change.refused.map(r => r.reason).join('; ')}`,
        );
      const branch = `${ADOPTION_BRANCH_PREFIX}${folder}/${digestOf(
        [...change.adopted].sort().join('\n'),
      )}`;
      const result: AdoptionResultV1 = {
        dryRun,
        adopted: change.adopted,
        refused: change.refused,
        folder,
        files: change.files.map(f => ({ path: f.path, diff: f.diff })),
        expectedLive,
        branch,
      };
      if (dryRun) return result;

      const event = await auditor.createEvent({
        eventId: 'settings-adoption',
        severityLevel: 'medium',
        request: request.request,
        meta: { entityRef, folder, branch, itemIds: change.adopted },
      });
      const title = `Keep the live value of ${change.adopted.length} setting(s) of ${entityRef}`;
      try {
        // Hosted publish actions would reuse (GitLab) or force-move (GitHub) an existing branch.
        const existing = await publisher.existing(branch);
        if (existing) throw new ConflictError(alreadyProposed(existing));
        // A different set of items makes a different branch: an open proposal of any of these
        // items already decides their value.
        const overlapping = (
          await publisher.proposals(`${ADOPTION_BRANCH_PREFIX}${folder}/`)
        ).find(open => open.itemIds.some(id => change.adopted.includes(id)));
        if (overlapping) throw new ConflictError(alreadyProposed(overlapping));
        const proposed = await publisher.propose({
          branch,
          folder,
          files: change.files.map(f => ({ path: f.path, content: f.after })),
          title,
          message: adoptionCommitMessage(title, change.adopted),
          author: {
            name: credentials.principal.userEntityRef,
            email: `${credentials.principal.userEntityRef.replace(
              /[^A-Za-z0-9._-]+/g,
              '.',
            )}@backstage.invalid`,
          },
        });
        await event.success({ meta: { ...proposed } });
        return { ...result, ...proposed };
      } catch (error) {
        const refusal =
          error instanceof ConflictError && !error.message.startsWith(ALREADY)
            ? new ConflictError(alreadyProposed({ branch }))
            : (error as Error);
        await event.fail({ error: refusal });
        throw refusal;
      }
    },
  };
}

export type AdoptionService = ReturnType<typeof createAdoptionService>;
