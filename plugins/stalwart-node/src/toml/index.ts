export { parseStalwartToml } from './parseStalwartToml';
export { writeStalwartToml } from './writeStalwartToml';
export { normaliseConfigKey, normaliseConfigKeys } from './normaliseConfigKeys';
export { compareConfigKeys, sortFlatConfig } from './sortFlatConfig';
export {
  DEFAULT_LOCAL_KEYS_V015,
  localKeyPatternsOf,
  parseLocalKeyPatterns,
} from './localKeyPatterns';
export type { LocalKeyPatterns } from './localKeyPatterns';
export { StalwartTomlError } from './types';
export type { FlatConfig } from './types';
