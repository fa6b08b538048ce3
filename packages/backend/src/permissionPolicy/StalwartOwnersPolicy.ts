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
  stalwartGitOpsReconcilePermission,
  stalwartInstanceReadPermission,
  stalwartProposalMergePermission,
  stalwartSettingsAdoptPermission,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from '@stalwart-backstage/plugin-stalwart-common';

/** What only an instance's owners may do: each acts on its live server or its git. */
const OWNER_PERMISSIONS = [
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
  stalwartSettingsAdoptPermission,
  stalwartGitOpsReconcilePermission,
  stalwartProposalMergePermission,
];

/**
 * A starting point for production: everyone signed in reads an instance's status; only the
 * instance's owners (the user, or a group the user belongs to, named by the entity's
 * `spec.owner`) read its live settings, reset or adopt them, reconcile, suspend or sync its
 * GitOps release, and merge its proposal (which deploys it). Other permissions are allowed,
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
    const owned = OWNER_PERMISSIONS.find(p =>
      isPermission(request.permission, p),
    );
    if (owned) {
      // Evaluated on the entity by the Stalwart backend (its IS_INSTANCE_OWNER rule).
      return createStalwartInstanceConditionalDecision(
        owned,
        stalwartInstanceConditions.isInstanceOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
