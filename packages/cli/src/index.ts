/**
 * The stalwart-gitops CLI.
 *
 * @packageDocumentation
 */
export {};
