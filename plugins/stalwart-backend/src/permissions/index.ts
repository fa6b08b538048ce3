export {
  createStalwartInstanceConditionalDecision,
  isInstanceOwner,
  stalwartInstanceConditions,
  stalwartInstanceResourceRef,
} from './rules';
export type { EntityFilter } from './rules';
