export {
  STALWART_INSTANCE_RESOURCE_TYPE,
  stalwartGitOpsReconcilePermission,
  stalwartInstanceReadPermission,
  stalwartSettingsAdoptPermission,
  stalwartPermissions,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from './permissions';
