// The simulator needs only the isomorphic TOML module. The package barrel also pulls
// modules that import ESM-only packages (@kubernetes-models/*), which Node's `require`
// cannot resolve when `yarn sim` runs through the CommonJS transform, so import the
// module itself.
export {
  localKeyPatternsOf,
  parseStalwartToml,
  writeStalwartToml,
} from '@stalwart-backstage/plugin-stalwart-common/src/toml';
export type {
  FlatConfig,
  LocalKeyPatterns,
} from '@stalwart-backstage/plugin-stalwart-common/src/toml';
