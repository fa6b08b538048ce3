export {
  schemaHashPrefixFor,
  versionsForSchemaHash,
} from './schemaHashVersions';
