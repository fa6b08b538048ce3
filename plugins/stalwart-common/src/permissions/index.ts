export {
  STALWART_INSTANCE_RESOURCE_TYPE,
  stalwartInstanceReadPermission,
  stalwartPermissions,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from './permissions';
