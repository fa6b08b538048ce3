import { parse as parseToml } from 'smol-toml';
import type { ConfigMapObject } from '@stalwart-backstage/plugin-stalwart-common';

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

type Table = Record<string, unknown>;

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
  const entries = Object.entries(configMap?.data ?? {});
  const toml = entries.find(([key]) => key.endsWith('.toml'))?.[1];
  if (toml !== undefined) return factsFromToml(toml);
  const json = entries.find(([key]) => key.endsWith('.json'))?.[1];
  if (json !== undefined) return factsFromJson(json);
  return undefined;
}

function factsFromToml(text: string): InstanceConfigFacts | undefined {
  let config: Table;
  try {
    // Charts leave bare placeholders (`node-id = __NODE_ID__`) that an init container fills in.
    config = parseToml(text.replace(/=\s*(__[A-Z0-9_]+__)\s*$/gm, '= "$1"'));
  } catch {
    return undefined;
  }
  const server = table(config.server);
  const listenerTables = table(server.listener);
  const listeners = Object.entries(listenerTables).map(([name, value]) => {
    const listener = table(value);
    return {
      name,
      ports: toArray(listener.bind).flatMap(portOf),
      protocol:
        typeof listener.protocol === 'string' ? listener.protocol : undefined,
    };
  });
  const trustedNetworks = new Set<string>(
    strings(table(server.proxy)['trusted-networks']),
  );
  for (const value of Object.values(listenerTables)) {
    const proxy = table(table(value).proxy);
    strings(proxy['trusted-networks']).forEach(n => trustedNetworks.add(n));
  }
  const dataStoreId = table(config.storage).data;
  const dataStoreType =
    typeof dataStoreId === 'string'
      ? table(table(config.store)[dataStoreId]).type
      : undefined;
  return {
    listeners,
    trustedNetworks: [...trustedNetworks],
    dataStore:
      typeof dataStoreType === 'string'
        ? dataStoreType.toLowerCase()
        : undefined,
  };
}

function factsFromJson(text: string): InstanceConfigFacts | undefined {
  try {
    const config = JSON.parse(text) as Table;
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

function table(value: unknown): Table {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Table)
    : {};
}

function toArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

function strings(value: unknown): string[] {
  return toArray(value).filter((v): v is string => typeof v === 'string');
}

function portOf(bind: unknown): number[] {
  if (typeof bind !== 'string') return [];
  const match = /:(\d+)$/.exec(bind.trim());
  return match ? [Number(match[1])] : [];
}
