/**
 * What only the backend runs: the status evaluation of an instance's Kubernetes objects, the
 * v0.15 and v0.16 drift engines, Stalwart's TOML dialect, adoption of live values into git, and
 * the Flux and Argo CD action builders.
 *
 * @packageDocumentation
 */
export * from './status';
export * from './drift';
export * from './toml';
export * from './adoption';
export * from './gitopsActions';
