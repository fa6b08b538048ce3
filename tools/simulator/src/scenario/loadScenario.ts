import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { SIMULATOR_API_VERSION } from '../stalwart/types';
import { resolveRelativeTimes } from './relativeTime';
import { Scenario, ScenarioCluster } from './types';

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
}

/** The documents of one multi-document YAML file, relative times resolved. */
export function readManifestFile(file: string, now: Date): any[] {
  const text = resolveRelativeTimes(fs.readFileSync(file, 'utf8'), now);
  return parseAllDocuments(text)
    .map(doc => {
      if (doc.errors.length > 0)
        throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJSON();
    })
    .filter(doc => doc && typeof doc === 'object');
}

/**
 * Reads a scenario directory: `scenario.yaml` names the clusters; each cluster's
 * directory holds ordinary Kubernetes manifests and `StalwartServer` documents.
 *
 * @public
 */
export function loadScenario(
  dir: string,
  options: { now?: Date } = {},
): Scenario {
  const now = options.now ?? new Date();
  const root = path.resolve(dir);
  const config =
    parse(fs.readFileSync(path.join(root, 'scenario.yaml'), 'utf8')) ?? {};
  const clusters: ScenarioCluster[] = (config.clusters ?? []).map((c: any) => {
    const clusterDir = path.join(root, c.directory ?? c.name);
    const manifests: any[] = [];
    const stalwartServers: any[] = [];
    for (const file of yamlFiles(clusterDir)) {
      for (const doc of readManifestFile(file, now)) {
        if (doc.apiVersion === SIMULATOR_API_VERSION) {
          stalwartServers.push({ ...doc, sourceDir: path.dirname(file) });
        } else {
          manifests.push(doc);
        }
      }
    }
    return {
      name: c.name,
      kubernetesVersion:
        c.kubernetesVersion ?? config.kubernetesVersion ?? 'v1.31.4',
      users: (
        c.users ?? [
          {
            name: 'system:serviceaccount:backstage:backstage',
            token: `sim-${c.name}-token`,
          },
        ]
      ).map((u: any) => ({ name: u.name, token: u.token, deny: u.deny ?? [] })),
      manifests,
      stalwartServers,
    };
  });
  if (clusters.length === 0)
    throw new Error(`${root}/scenario.yaml declares no clusters`);
  return { name: config.name ?? path.basename(root), clusters };
}
