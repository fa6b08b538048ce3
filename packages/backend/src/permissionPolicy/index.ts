export { permissionPolicyModule as default } from './module';
export { StalwartOwnersPolicy } from './StalwartOwnersPolicy';
