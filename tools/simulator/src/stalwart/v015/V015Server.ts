import fs from 'node:fs';
import path from 'node:path';
import {
  FlatConfig,
  LocalKeyPatterns,
  compareConfigKeys,
  localKeyPatternsOf,
} from '@stalwart-backstage/plugin-stalwart-node';
import { StalwartServerDocument } from '../types';
import { serverInsertedKeys } from './serverDefaults';
import { readStalwartToml, writeStalwartTomlFile } from './stalwartToml';

/** What one pod loaded at boot: its config.toml, as text and flattened, and its local-key patterns. */
export interface PodConfig {
  podName: string;
  fileText: string;
  file: Map<string, string>;
  patterns: LocalKeyPatterns;
  bootError?: string;
}

/** A write to config.toml that the pod's mount refused. */
export class ReadOnlyConfigError extends Error {}

const ordinalOf = (podName: string) =>
  Number(podName.slice(podName.lastIndexOf('-') + 1));

/**
 * The v0.15 configuration model of one server: a settings database shared by its pods,
 * and per pod the config.toml it booted with. Reads merge file and database the way
 * ConfigManager does (file wins; database keys matching local patterns are ignored);
 * writes go to the file for local keys and to the database otherwise
 * (../shared/docs/stalwart-v015.md §2.1–2.3).
 */
export class V015Server {
  readonly database = new Map<string, string>();
  /** Reloads that applied (not dry runs), cluster-wide as on a real server. */
  appliedReloads = 0;
  private readonly pods = new Map<string, PodConfig>();
  // Scenario overrides describe how a pod *first* started; a restarted pod (same name,
  // new uid) boots from the ConfigMap like any other.
  private readonly bootedNames = new Set<string>();

  constructor(
    readonly document: StalwartServerDocument,
    private readonly readConfigMap: () => string | undefined,
  ) {
    for (const [key, value] of Object.entries(document.spec.database ?? {})) {
      this.database.set(key, String(value));
    }
  }

  /** Boots a pod: the init container renders the ConfigMap, the server reads it. */
  boot(pod: any): PodConfig {
    const name = pod.metadata.name;
    const override = this.document.spec.pods?.[name];
    const isFirstBoot = !this.bootedNames.has(name);
    this.bootedNames.add(name);
    let template: string | undefined;
    if (override?.bootedWithConfig && isFirstBoot)
      template = override.bootedWithConfig;
    else if (override?.bootedWithConfigFile && isFirstBoot) {
      template = fs.readFileSync(
        path.resolve(
          this.document.sourceDir ?? '.',
          override.bootedWithConfigFile,
        ),
        'utf8',
      );
    } else template = this.readConfigMap();
    const fileText = this.substitute(template ?? '', name);
    let file: FlatConfig = {};
    let bootError: string | undefined;
    try {
      file = readStalwartToml(fileText);
    } catch (error) {
      bootError = (error as Error).message;
    }
    const config: PodConfig = {
      podName: name,
      fileText,
      file: new Map(Object.entries(file)),
      patterns: localKeyPatternsOf(file),
      bootError,
    };
    if (isFirstBoot && override?.fileEdits) {
      for (const [key, value] of Object.entries(override.fileEdits))
        config.file.set(key, value);
      config.fileText = writeStalwartTomlFile(Object.fromEntries(config.file));
    }
    this.pods.set(pod.metadata.uid, config);
    if (this.document.spec.serverDefaults && !bootError) {
      for (const [key, value] of Object.entries(
        serverInsertedKeys(this.database),
      )) {
        this.database.set(key, value);
      }
    }
    return config;
  }

  podConfig(pod: any): PodConfig {
    return this.pods.get(pod.metadata.uid) ?? this.boot(pod);
  }

  private substitute(template: string, podName: string): string {
    let text = template;
    for (const [placeholder, rule] of Object.entries(
      this.document.spec.config?.substitutions ?? {},
    )) {
      let value = rule;
      if (rule === 'podOrdinal') value = String(ordinalOf(podName));
      if (rule === 'podOrdinalPlusOne') value = String(ordinalOf(podName) + 1);
      text = text.split(placeholder).join(value);
    }
    return text;
  }

  /** `ConfigManager::list`: database keys (minus local patterns), then file keys over them. */
  list(
    pod: PodConfig,
    prefix: string,
    stripPrefix: boolean,
  ): Map<string, string> {
    const results = new Map<string, string>();
    const strip = (key: string) =>
      stripPrefix && prefix ? key.slice(prefix.length) : key;
    for (const [key, value] of this.database) {
      if (key.startsWith(prefix) && !pod.patterns.isLocal(key))
        results.set(strip(key), value);
    }
    for (const [key, value] of pod.file) {
      if (key.startsWith(prefix)) results.set(strip(key), value);
    }
    return new Map([...results].sort(([a], [b]) => compareConfigKeys(a, b)));
  }

  /** `ConfigManager::get`: the file value, else the raw database value (no local filter). */
  get(pod: PodConfig, key: string): string | undefined {
    return pod.file.get(key) ?? this.database.get(key);
  }

  set(pod: PodConfig, entries: Array<[string, string]>): void {
    const local = entries.filter(([key]) => pod.patterns.isLocal(key));
    for (const [key, value] of entries) {
      if (!pod.patterns.isLocal(key)) this.database.set(key, value);
    }
    if (local.length > 0) {
      const next = new Map(pod.file);
      local.forEach(([key, value]) => next.set(key, value));
      this.rewriteFile(pod, next);
    }
  }

  clear(pod: PodConfig, key: string): void {
    if (pod.patterns.isLocal(key)) {
      if (!pod.file.has(key)) return;
      const next = new Map(pod.file);
      next.delete(key);
      this.rewriteFile(pod, next);
    } else {
      this.database.delete(key);
    }
  }

  clearPrefix(pod: PodConfig, prefix: string): void {
    if ([...pod.file.keys()].some(k => k.startsWith(prefix))) {
      this.rewriteFile(
        pod,
        new Map([...pod.file].filter(([k]) => !k.startsWith(prefix))),
      );
    }
    for (const key of [...this.database.keys()]) {
      if (key.startsWith(prefix)) this.database.delete(key);
    }
  }

  // Like update_local, the in-memory map changes before the file write that may fail.
  private rewriteFile(pod: PodConfig, next: Map<string, string>): void {
    pod.file = next;
    if (this.document.spec.config?.readOnly) {
      throw new ReadOnlyConfigError('Failed to write local configuration');
    }
    pod.fileText = writeStalwartTomlFile(Object.fromEntries(next));
  }
}
