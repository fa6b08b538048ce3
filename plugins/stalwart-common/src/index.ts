/**
 * Isomorphic building blocks shared by the Stalwart plugins: the instance spec, the
 * renderers, the drift logic, permissions and annotations.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './charts';
export * from './toml';
export * from './spec';
export * from './status';
export * from './permissions';
export * from './api';
export * from './drift';
export * from './gitopsActions';
export * from './render';
export * from './versions';
export * from './kube';
export * from './adoption';
