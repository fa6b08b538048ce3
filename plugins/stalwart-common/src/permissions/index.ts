export {
  STALWART_INSTANCE_RESOURCE_TYPE,
  stalwartGitOpsReconcilePermission,
  stalwartInstanceReadPermission,
  stalwartSettingsAdoptPermission,
  stalwartPermissions,
  stalwartProposalMergePermission,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from './permissions';
