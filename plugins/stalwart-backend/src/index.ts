export { stalwartPlugin as default } from './plugin';
export {
  createStalwartInstanceConditionalDecision,
  isInstanceOwner,
  stalwartInstanceConditions,
  stalwartInstanceResourceRef,
} from './permissions';
export type { EntityFilter } from './permissions';
