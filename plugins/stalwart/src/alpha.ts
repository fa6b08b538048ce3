/**
 * The Stalwart plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
export { stalwartPlugin as default } from './alpha/plugin';
export { stalwartClientApi, stalwartQueryCacheApi } from './alpha/apis';
export {
  stalwartCertificateCard,
  stalwartMailServerContent,
  stalwartVerdictCard,
} from './alpha/entityExtensions';
export { stalwartFleetPage } from './alpha/fleetPage';
export { stalwartSpecPreviewFormField } from './alpha/formFields';
