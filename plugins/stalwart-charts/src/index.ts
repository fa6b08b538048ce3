/**
 * Chart flavors and the renderers that turn an instance spec into the chart's values, the Flux
 * or Argo CD manifests, the catalog entity and the Stalwart settings plan. Isomorphic: the
 * template's preview renders in the browser, the scaffolder actions and the CLI in Node.
 *
 * @packageDocumentation
 */
export * from './charts';
export * from './flavors';
export * from './spec';
export * from './render';
export * from './settingsPlan';
