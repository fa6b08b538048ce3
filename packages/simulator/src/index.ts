/**
 * A simulated Kubernetes API server and Stalwart management API.
 *
 * @packageDocumentation
 */
export {};
