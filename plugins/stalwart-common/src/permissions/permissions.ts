import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of Stalwart permissions: an instance is a catalog entity, so policies can
 * reuse the catalog's conditions (ownership, kind, annotations).
 *
 * @public
 */
export const STALWART_INSTANCE_RESOURCE_TYPE = 'catalog-entity';

/**
 * Read an instance's status: workload, pods, certificate, exposure and GitOps state.
 *
 * @public
 */
export const stalwartInstanceReadPermission = createPermission({
  name: 'stalwart.instance.read',
  attributes: { action: 'read' },
  resourceType: STALWART_INSTANCE_RESOURCE_TYPE,
});

/**
 * Read an instance's live Stalwart settings and their drift from git.
 *
 * @public
 */
export const stalwartSettingsReadPermission = createPermission({
  name: 'stalwart.settings.read',
  attributes: { action: 'read' },
  resourceType: STALWART_INSTANCE_RESOURCE_TYPE,
});

/**
 * Reset drifted settings of an instance to the values declared in git.
 *
 * @public
 */
export const stalwartSettingsResetPermission = createPermission({
  name: 'stalwart.settings.reset',
  attributes: { action: 'update' },
  resourceType: STALWART_INSTANCE_RESOURCE_TYPE,
});

/**
 * Act on the GitOps release of an instance: reconcile, suspend or resume its Flux HelmRelease,
 * refresh or sync its Argo CD Application.
 *
 * @public
 */
export const stalwartGitOpsReconcilePermission = createPermission({
  name: 'stalwart.gitops.reconcile',
  attributes: { action: 'update' },
  resourceType: STALWART_INSTANCE_RESOURCE_TYPE,
});

/**
 * Propose a drifted setting's live value into git (a branch or pull request of the fleet
 * repository), so the next reconcile keeps it.
 *
 * @public
 */
export const stalwartSettingsAdoptPermission = createPermission({
  name: 'stalwart.settings.adopt',
  attributes: { action: 'update' },
  resourceType: STALWART_INSTANCE_RESOURCE_TYPE,
});

/**
 * Merge an instance's proposal branch into the branch Flux or Argo CD deploy from (the local
 * fleet repository of the embedded default): this deploys the instance.
 *
 * @public
 */
export const stalwartProposalMergePermission = createPermission({
  name: 'stalwart.proposal.merge',
  attributes: { action: 'update' },
  resourceType: STALWART_INSTANCE_RESOURCE_TYPE,
});

/**
 * Every permission the Stalwart plugins define.
 *
 * @public
 */
export const stalwartPermissions = [
  stalwartInstanceReadPermission,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
  stalwartGitOpsReconcilePermission,
  stalwartSettingsAdoptPermission,
  stalwartProposalMergePermission,
];
