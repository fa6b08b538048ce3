export {
  STALWART_INSTANCE_RESOURCE_TYPE,
  stalwartInstanceReadPermission,
  stalwartSettingsAdoptPermission,
  stalwartPermissions,
  stalwartSettingsReadPermission,
  stalwartSettingsResetPermission,
} from './permissions';
