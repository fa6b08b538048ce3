/**
 * The reliability and security suite's shared pieces: the properties it proves and the figures it records.
 *
 * @packageDocumentation
 */
export { PROPERTIES, SECTIONS } from './figures/properties';
export type {
  PropertyId,
  ReliabilityProperty,
  SectionId,
} from './figures/properties';
export {
  recordFigure,
  parseFigures,
  figuresFile,
} from './figures/recordFigure';
export type { Figure } from './figures/recordFigure';
