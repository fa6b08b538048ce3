import fs from 'node:fs';
import path from 'node:path';
import { findDocument, readDocuments } from './demoScenario';
import type { RegistrySchemaV016, V016DriftInput } from '../v016/types';

// The edge instance of the simulator's demo: release "mail" of the kgrubb chart on v0.16.18.
// The scenario holds what Stalwart holds; what git declares for it is the plan fixture
// (stalwart-cli apply format, stalwart-v016.md §2), written to match the scenario's comments:
// maxConnections raised in the admin UI, a listener created there, a pod on an old checksum.
const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '../__fixtures__', name), 'utf8');
export const REGISTRY_SCHEMA: RegistrySchemaV016 = JSON.parse(
  fixture('registry-schema.json'),
);
export const server = findDocument(
  readDocuments('edge/stalwart.yaml'),
  'StalwartServer',
).spec;
const workload = readDocuments('edge/workload.yaml');
export const statefulSet = findDocument(workload, 'StatefulSet');
const configMap = findDocument(workload, 'ConfigMap', 'mail-stalwart-config');

/** What `x:<Type>/get` serves (§1): literal secrets as "****", unsaved singletons as their defaults. */
function registryAsServed(mask: boolean): V016DriftInput['registry'] {
  const walk = (v: any): any => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, inner]) => [
        k,
        mask && k === 'secret' && v['@type'] === 'Value' ? '****' : walk(inner),
      ]),
    );
  };
  const registry: V016DriftInput['registry'] = {};
  for (const [type, kind] of Object.entries(REGISTRY_SCHEMA.objects)) {
    const stored = server.registry[type];
    if (kind.type === 'singleton')
      registry[type] = {
        singleton: walk(stored ?? REGISTRY_SCHEMA.fields[type]?.defaults ?? {}),
      };
    else if (stored) registry[type] = walk(stored);
  }
  return registry;
}

export const edgeInput = (mask = true): V016DriftInput => ({
  plan: fixture('edge-settings-plan.ndjson'),
  configJson: configMap.data['config.json'],
  schema: REGISTRY_SCHEMA,
  registry: registryAsServed(mask),
  currentConfigChecksum:
    statefulSet.spec.template.metadata.annotations['checksum/config'],
  pods: workload
    .filter(d => d.kind === 'Pod')
    .map(p => ({
      name: p.metadata.name,
      configChecksum: p.metadata.annotations['checksum/config'],
    })),
});
