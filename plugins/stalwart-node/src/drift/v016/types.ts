import type { DeclaredObject } from '@stalwart-backstage/plugin-stalwart-charts';

export type { DeclaredObject };
import type { ReadFailure } from '../types';

/**
 * The part of `GET /api/schema` the v0.16 engine reads (stalwart-v016.md §1 "Schema").
 *
 * @public
 */
export interface RegistrySchemaV016 {
  objects: Record<string, { type: 'singleton' | 'object' | string }>;
  /**
   * Each object's field schema: `schemaName` for single ones; for multi-variant ones the variant
   * named by `@type` (a variant without `schemaName` is a bare placeholder, `{"@type":"Disabled"}`).
   */
  schemas?: Record<
    string,
    {
      type?: string;
      schemaName?: string;
      variants?: Array<{ name: string; schemaName?: string }>;
    }
  >;
  fields: Record<
    string,
    {
      properties: Record<
        string,
        {
          type?: {
            type?: string;
            format?: string;
            objectName?: string;
            enumName?: string;
            nullable?: boolean;
          };
          update?: string;
        }
      >;
      defaults?: Record<string, unknown>;
    }
  >;
  /** `labelProperty` is a collection's natural key. */
  lists?: Record<string, { labelProperty: string }>;
  /** Enum values in declaration order (the first is the Rust default). */
  enums?: Record<string, Array<{ name: string }>>;
}

/**
 * One pod, for its config checksum (config.json is read only at boot).
 *
 * @public
 */
export interface V016PodInput {
  name: string;
  configChecksum?: string;
}

/**
 * Everything the v0.16 engine compares.
 *
 * @public
 */
export interface V016DriftInput {
  /** The settings plan from git (NDJSON, `stalwart-cli apply` format; `renderSettingsPlan`). */
  plan: string;
  /** The chart's config.json (the declared `x:DataStore`), when known. */
  configJson?: string;
  schema: RegistrySchemaV016;
  /**
   * What `x:<Type>/get` returned, per type (`x:NetworkListener`) and id; singletons under
   * `singleton`. Read the types `registryTypesToRead` names; a type left out is not compared.
   */
  registry: Record<string, Record<string, Record<string, unknown>>>;
  /** Registry reads that failed, per type. */
  readFailures?: Record<string, ReadFailure>;
  currentConfigChecksum?: string;
  pods: V016PodInput[];
}
