import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createStalwartInstanceConditionalDecision,
  stalwartInstanceConditions,
} from '@stalwart-backstage/plugin-stalwart-backend';
import {
  stalwartInstanceReadPermission,
  stalwartProposalMergePermission,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';

/**
 * A starting point for production: everyone signed in reads an instance's status; only the
 * instance's owners (the user, or a group the user belongs to, named by the entity's
 * `spec.owner`) read its live settings, reset or adopt them, and merge its proposal (which
 * deploys it). Other permissions are allowed,
 * as with the allow-all policy this replaces; narrow them for your own plugins.
 */
export class StalwartOwnersPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, stalwartInstanceReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isPermission(request.permission, stalwartSettingsReadPermission) ||
      isPermission(request.permission, stalwartSettingsResetPermission) ||
      isPermission(request.permission, stalwartProposalMergePermission)
    ) {
      // Evaluated on the entity by the Stalwart backend (its IS_INSTANCE_OWNER rule).
      return createStalwartInstanceConditionalDecision(
        request.permission,
        stalwartInstanceConditions.isInstanceOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
