/**
 * Scaffolder actions that turn a Stalwart instance spec into GitOps files.
 *
 * @packageDocumentation
 */
export { stalwartScaffolderModule as default } from './module';
