// Which source modules ended up in a built app, read from the production build's source maps
// (Backstage's production build writes a .map beside every .js file).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Modules that only the backend needs: if the frontend bundle holds one, an import pulled in
 * more than the contract. Paths as they read in the source maps (workspace or node_modules).
 */
export const BACKEND_ONLY = [
  {
    name: 'drift engines',
    pattern: /plugins\/stalwart-node\/src\/drift\//,
  },
  {
    name: 'status evaluation',
    pattern: /plugins\/stalwart-node\/src\/status\//,
  },
  {
    name: 'Stalwart TOML parser',
    pattern: /plugins\/stalwart-node\/src\/toml\//,
  },
  { name: 'smol-toml', pattern: /node_modules\/smol-toml\// },
  {
    name: 'adoption',
    pattern: /plugins\/stalwart-node\/src\/adoption\//,
  },
];

function mapFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return mapFiles(path);
    return name.endsWith('.js.map') ? [path] : [];
  });
}

/** Every source module of the build with its original size in bytes. */
export function bundledSources(dist) {
  const sources = new Map();
  for (const file of mapFiles(dist)) {
    const map = JSON.parse(readFileSync(file, 'utf8'));
    map.sources.forEach((source, i) => {
      const path = source.replace(/^(?:webpack|file):\/\/\/?/, '');
      const size = map.sourcesContent?.[i]?.length ?? 0;
      sources.set(path, Math.max(sources.get(path) ?? 0, size));
    });
  }
  return sources;
}

/** The backend-only modules found in the build, per kind. */
export function backendOnlyModules(sources) {
  return BACKEND_ONLY.map(kind => {
    const files = [...sources.entries()]
      .filter(([path]) => kind.pattern.test(path))
      .map(([path, size]) => ({
        path: path.replace(/^.*?(plugins\/|node_modules\/)/, '$1'),
        size,
      }))
      .sort((a, b) => b.size - a.size);
    return { name: kind.name, files };
  });
}
