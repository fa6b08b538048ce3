import type { ConfigMapObject } from '@stalwart-backstage/plugin-stalwart-common';
import { parseStalwartToml } from '../toml/parseStalwartToml';
import type { FlatConfig } from '../toml/types';

/**
 * What the status rules need from an instance's rendered Stalwart configuration.
 *
 * @public
 */
export interface InstanceConfigFacts {
  /** The listeners the config binds, with the ports of their `bind` addresses. */
  listeners: Array<{ name: string; ports: number[]; protocol?: string }>;
  /** Networks allowed to send PROXY protocol headers, globally or on any listener. */
  trustedNetworks: string[];
  /** The kind of store holding the data (`rocksdb`, `postgresql`, `foundationdb`, …). */
  dataStore?: string;
}

/** Facts per ConfigMap `data` object, with a copy of what they were read from. */
const factsOfData = new WeakMap<
  Record<string, string>,
  { data: Record<string, string>; facts: InstanceConfigFacts | undefined }
>();

/**
 * Reads the listener, PROXY-trust and data-store facts from the ConfigMap a chart renders
 * (`config.toml` for v0.11–v0.15, `config.json` for v0.16). Returns `undefined` when the
 * ConfigMap holds neither or cannot be parsed.
 *
 * @public
 */
export function readInstanceConfig(
  configMap?: ConfigMapObject,
): InstanceConfigFacts | undefined {
  const data = configMap?.data;
  if (!data) return undefined;
  // Every status read evaluates the same cached ConfigMap again; its parse is most of the cost.
  const known = factsOfData.get(data);
  if (known && sameData(known.data, data)) return known.facts;
  const facts = factsOf(data);
  factsOfData.set(data, { data: { ...data }, facts });
  return facts;
}

function sameData(a: Record<string, string>, b: Record<string, string>) {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every(k => a[k] === b[k])
  );
}

function factsOf(
  data: Record<string, string>,
): InstanceConfigFacts | undefined {
  const entries = Object.entries(data);
  const toml = entries.find(([key]) => key.endsWith('.toml'))?.[1];
  if (toml !== undefined) return factsFromToml(toml);
  const json = entries.find(([key]) => key.endsWith('.json'))?.[1];
  if (json !== undefined) return factsFromJson(json);
  return undefined;
}

function factsFromToml(text: string): InstanceConfigFacts | undefined {
  let config: FlatConfig;
  try {
    // Charts leave bare placeholders (`node-id = __NODE_ID__`) that an init container fills in.
    config = parseStalwartToml(
      text.replace(/=\s*(__[A-Z0-9_]+__)\s*$/gm, '= "$1"'),
    );
  } catch {
    return undefined;
  }
  const listeners = new Map<string, InstanceConfigFacts['listeners'][0]>();
  const trustedNetworks = new Set<string>();
  for (const [key, value] of Object.entries(config)) {
    if (isListItem(key, 'server.proxy.trusted-networks'))
      trustedNetworks.add(value);
    const match = /^server\.listener\.([^.]+)\.(.+)$/.exec(key);
    if (!match) continue;
    const [, name, field] = match;
    const listener = listeners.get(name) ?? { name, ports: [] };
    listeners.set(name, listener);
    if (isListItem(field, 'bind')) listener.ports.push(...portOf(value));
    else if (field === 'protocol') listener.protocol = value;
    else if (isListItem(field, 'proxy.trusted-networks'))
      trustedNetworks.add(value);
  }
  const dataStoreId = config['storage.data'];
  const dataStoreType = dataStoreId
    ? config[`store.${dataStoreId}.type`]
    : undefined;
  return {
    listeners: [...listeners.values()],
    trustedNetworks: [...trustedNetworks],
    dataStore: dataStoreType?.toLowerCase(),
  };
}

/** A flat key naming `name` itself or one item of it (`name.0000`, `name.0001`, …). */
function isListItem(key: string, name: string): boolean {
  return (
    key === name ||
    (key.startsWith(`${name}.`) && /^\d{4}$/.test(key.slice(name.length + 1)))
  );
}

function factsFromJson(text: string): InstanceConfigFacts | undefined {
  try {
    const config = JSON.parse(text) as Record<string, unknown>;
    const type = config['@type'];
    // v0.16 keeps listeners and proxy trust in the data store, not in config.json.
    return {
      listeners: [],
      trustedNetworks: [],
      dataStore: typeof type === 'string' ? type.toLowerCase() : undefined,
    };
  } catch {
    return undefined;
  }
}

function portOf(bind: string): number[] {
  const match = /:(\d+)$/.exec(bind.trim());
  return match ? [Number(match[1])] : [];
}
