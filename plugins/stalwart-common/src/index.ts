/**
 * The contract the Stalwart plugins share, in the browser and in Node: the API types, the
 * Kubernetes object types the status reads, permissions, annotations, and how the UI names
 * drift classes.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './api';
export * from './status';
export * from './drift';
export * from './versions';
export * from './kube';
