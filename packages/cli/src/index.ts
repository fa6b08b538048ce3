/**
 * The stalwart-gitops CLI: `stalwart-gitops render --spec <file> --out <dir> [--check]`.
 *
 * @packageDocumentation
 */
export { renderCommand } from './commands/render';
export type { RenderCommandOptions, CommandResult } from './commands/render';
