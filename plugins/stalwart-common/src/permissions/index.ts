export {
  STALWART_INSTANCE_RESOURCE_TYPE,
  stalwartGitOpsReconcilePermission,
  stalwartInstanceReadPermission,
  stalwartPermissions,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from './permissions';
