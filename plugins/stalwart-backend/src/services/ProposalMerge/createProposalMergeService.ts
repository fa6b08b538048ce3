import type {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { ProposalMergeResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { Request } from 'express';
import type { ResolvedInstance } from '../InstanceResolver/types';
import { proposalLocation } from '../StatusService/readProposal';
import {
  isAncestor,
  previewMerge,
  publishMerge,
  resolveBranch,
} from './gitMerge';

const COMMITTER = {
  name: 'Backstage Stalwart plugin',
  email: 'stalwart@backstage.invalid',
};

/** What a caller asks: a preview, or the merge of what a preview showed. */
export interface ProposalMergeRequest {
  instance: ResolvedInstance;
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  request: Request;
  dryRun: boolean;
  /** The default branch's commit the preview showed: refused when it moved since. */
  expectedBaseSha?: string;
  /** The proposal's commit the preview showed: refused when it moved since. */
  expectedHeadSha?: string;
}

/**
 * Merges an instance's proposal branch of the local fleet repository into the branch Flux or
 * Argo CD deploy from, as a reviewer's `git merge` would: the embedded default's stand-in for
 * merging a pull request. Every refusal leaves the repository as it was.
 */
export function createProposalMergeService(options: {
  repoDir: string;
  defaultBranch: string;
  auditor: AuditorService;
}) {
  const { repoDir, defaultBranch, auditor } = options;

  async function plan(request: ProposalMergeRequest) {
    const { entityRef, entity } = request.instance;
    const location = proposalLocation(entity, { repoDir, defaultBranch });
    if (!location) {
      throw new NotFoundError(
        `${entityRef} was not proposed on a branch of the local fleet repository: merge its proposal where it was opened`,
      );
    }
    const { branch } = location;
    const headSha = await resolveBranch(repoDir, branch);
    if (!headSha) {
      throw new NotFoundError(
        `The proposal's branch ${branch} no longer exists in the fleet repository: propose the instance again`,
      );
    }
    const baseSha = await resolveBranch(repoDir, defaultBranch);
    if (!baseSha) {
      throw new NotFoundError(
        `The fleet repository has no branch ${defaultBranch}`,
      );
    }
    if (await isAncestor(repoDir, headSha, baseSha)) {
      throw new ConflictError(
        `Branch ${branch} is already merged into ${defaultBranch}`,
      );
    }
    for (const [what, expected, actual] of [
      [defaultBranch, request.expectedBaseSha, baseSha],
      [branch, request.expectedHeadSha, headSha],
    ]) {
      if (expected && expected !== actual) {
        throw new ConflictError(
          `${what} moved since the preview (${expected.slice(
            0,
            12,
          )} is now ${actual!.slice(0, 12)}): preview the merge again`,
        );
      }
    }
    return previewMerge(
      repoDir,
      { branch: defaultBranch, sha: baseSha },
      { branch, sha: headSha },
    );
  }

  return {
    async auditRefusal(entityRef: string, request: Request, error: Error) {
      const event = await auditor.createEvent({
        eventId: 'proposal-merge',
        severityLevel: 'medium',
        request,
        meta: { entityRef },
      });
      await event.fail({ error });
    },

    async merge(request: ProposalMergeRequest): Promise<ProposalMergeResultV1> {
      const { dryRun, credentials } = request;
      const { entityRef } = request.instance;
      const event = dryRun
        ? undefined
        : await auditor.createEvent({
            eventId: 'proposal-merge',
            severityLevel: 'medium',
            request: request.request,
            meta: { entityRef },
          });
      try {
        const preview = await plan(request);
        const result: ProposalMergeResultV1 = {
          entityRef,
          dryRun,
          branch: preview.branch,
          into: preview.into,
          baseSha: preview.baseSha,
          headSha: preview.headSha,
          files: preview.files,
        };
        if (dryRun) return result;
        const user = credentials.principal.userEntityRef;
        const mergeSha = await publishMerge(repoDir, preview, {
          message: `Merge ${result.branch} into ${preview.into}\n\nMerged from Backstage by ${user} to deploy ${entityRef}.\n`,
          author: {
            name: user,
            email: `${user.replace(
              /[^A-Za-z0-9._-]+/g,
              '.',
            )}@backstage.invalid`,
          },
          committer: COMMITTER,
        });
        await event?.success({
          meta: { branch: result.branch, into: preview.into, mergeSha },
        });
        return { ...result, mergeSha };
      } catch (error) {
        await event?.fail({ error: error as Error });
        throw error;
      }
    },
  };
}

export type ProposalMergeService = ReturnType<
  typeof createProposalMergeService
>;
