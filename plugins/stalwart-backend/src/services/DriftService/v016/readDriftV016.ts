import type { Entity } from '@backstage/catalog-model';
import { DriftReadErrorV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { parseSettingsPlan } from '@stalwart-backstage/plugin-stalwart-charts';
import {
  classifyDriftV016,
  DriftReport,
  ReadFailure,
  RegistrySchemaV016,
  registryTypesToRead,
  V016DriftInput,
} from '@stalwart-backstage/plugin-stalwart-node';
import type { V016Client } from '../../StalwartConnection/clients/V016Client';
import type { StalwartPodConnection } from '../../StalwartConnection/types';
import type { DeclaredObjects } from '../declaredObjects';
import { readErrorOf, readFailureOf } from '../readFailure';
import { SettingsPlanReader } from './SettingsPlanReader';

// Registry reads per drift read at once; each is one JMAP request on the pod's port-forward pool.
const PARALLEL_TYPE_READS = 4;

async function inBatches<T>(
  items: T[],
  size: number,
  run: (item: T) => Promise<void>,
) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map(run));
}

/** Every object of each type, from one pod: the registry lives in the shared data store. */
async function readRegistry(
  client: V016Client,
  schema: RegistrySchemaV016,
  types: string[],
) {
  const registry: V016DriftInput['registry'] = {};
  const readFailures: Record<string, ReadFailure & { reason?: string }> = {};
  await inBatches(types, PARALLEL_TYPE_READS, async type => {
    try {
      if (schema.objects[type]?.type === 'singleton') {
        const { list } = await client.get(type, ['singleton']);
        registry[type] = list[0] ? { singleton: list[0] } : {};
      } else {
        const objects = await client.getAll(type);
        registry[type] = Object.fromEntries(objects.map(o => [o.id, o]));
      }
    } catch (error) {
      readFailures[type] = readFailureOf(error);
    }
  });
  return { registry, readFailures };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const nothingCompared = (
  pods: StalwartPodConnection[],
  errors: DriftReadErrorV1[],
): DriftReport => ({
  ...classifyDriftV016({
    plan: '',
    schema: { objects: {}, fields: {} },
    registry: {},
    pods: [],
  }),
  pods: pods.map(p => ({ name: p.pod.name, read: false })),
  errors,
});

/**
 * The v0.16 drift of one cluster: the settings plan from git (beside the entity's catalog file)
 * and the chart's config.json (the ConfigMap) against the registry objects of the declared types
 * and every singleton, read over JMAP from the first pod that answers.
 */
export async function readDriftV016(options: {
  entity: Entity;
  declared: DeclaredObjects;
  pods: StalwartPodConnection[];
  plans: SettingsPlanReader;
  /** Schemas by `/api/schema` hash: a hash names one exact schema, so it is fetched once. */
  schemas: Map<string, RegistrySchemaV016>;
}): Promise<DriftReport> {
  const { entity, declared, pods, plans, schemas } = options;
  const errors: DriftReadErrorV1[] = [];
  const reachable: Array<{
    name: string;
    client: V016Client;
    schemaHash: string;
  }> = [];
  for (const connection of pods) {
    if (connection.engine === 'v0.16')
      reachable.push({
        name: connection.pod.name,
        client: connection.client,
        schemaHash: connection.version.schemaHash,
      });
    else if (connection.engine === 'v0.15')
      errors.push({
        pod: connection.pod.name,
        source: 'connection',
        reason: 'unsupported-version',
        message:
          'The pod serves the v0.15 settings API, not the v0.16 registry the rest of the instance serves',
      });
    else
      errors.push(
        readErrorOf('connection', connection.error, connection.pod.name),
      );
  }

  let plan: string;
  try {
    plan = (await plans.read(entity)).text;
  } catch (error) {
    return nothingCompared(pods, [
      {
        source: 'plan',
        reason: 'declared-state-unavailable',
        message: (error as Error).message,
      },
      ...errors,
    ]);
  }
  let configJson = declared.configText;
  if (configJson !== undefined && !isJson(configJson)) {
    errors.push({
      source: 'config.json',
      reason: 'declared-state-unavailable',
      message:
        "The ConfigMap's config.json is not JSON, so x:DataStore is not compared",
    });
    configJson = undefined;
  }
  if (declared.configProblem)
    errors.push({
      source: 'config.json',
      reason: 'declared-state-unavailable',
      // Only x:DataStore comes from config.json: the plan still declares everything else.
      ...(declared.configInSecret ? { severity: 'info' as const } : {}),
      message: declared.configProblem,
    });

  let schema: RegistrySchemaV016 | undefined;
  let reader: (typeof reachable)[number] | undefined;
  for (const candidate of reachable) {
    try {
      schema = schemas.get(candidate.schemaHash);
      if (!schema) {
        schema =
          (await candidate.client.getSchema()) as unknown as RegistrySchemaV016;
        schemas.set(candidate.schemaHash, schema);
      }
      reader = candidate;
      break;
    } catch (error) {
      errors.push(readErrorOf('schema', error, candidate.name));
    }
  }
  if (!schema || !reader) return nothingCompared(pods, errors);

  let declaredTypes: string[];
  try {
    declaredTypes = parseSettingsPlan(
      plan,
      t => schema!.lists?.[t]?.labelProperty,
      t => schema!.objects[t]?.type === 'singleton',
    ).map(o => o.type);
  } catch (error) {
    return nothingCompared(pods, [
      {
        source: 'plan',
        reason: 'declared-state-unavailable',
        message: (error as Error).message,
      },
      ...errors,
    ]);
  }
  const types = registryTypesToRead(schema, declaredTypes, {
    configJsonRead: configJson !== undefined,
  });
  const { registry, readFailures } = await readRegistry(
    reader.client,
    schema,
    types,
  );
  const report = classifyDriftV016({
    plan,
    configJson,
    schema,
    registry,
    readFailures,
    currentConfigChecksum: declared.currentConfigChecksum,
    pods: pods.map(p => ({
      name: p.pod.name,
      ...(p.pod.configChecksum ? { configChecksum: p.pod.configChecksum } : {}),
    })),
  });
  const readable = new Set(reachable.map(r => r.name));
  return {
    ...report,
    pods: report.pods.map(p => ({ ...p, read: readable.has(p.name) })),
    errors: [
      ...report.errors.map(e => {
        const type = e.source.startsWith('registry:')
          ? e.source.slice(9)
          : undefined;
        const reason = type ? readFailures[type]?.reason : undefined;
        return {
          ...e,
          ...(type ? { pod: reader!.name } : {}),
          ...(reason ? { reason } : {}),
        };
      }),
      ...errors,
    ],
  };
}
