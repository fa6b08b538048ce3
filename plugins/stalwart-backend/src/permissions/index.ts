export {
  createStalwartInstanceConditionalDecision,
  isInstanceOwner,
  stalwartInstanceConditions,
  stalwartInstanceResourceRef,
} from './rules';
