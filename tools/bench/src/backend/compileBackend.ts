import { transformSync } from '@swc/core';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** The example backend compiled to plain JavaScript, ready for `node` without any hook. */
export interface CompiledBackend {
  /** What node runs, from packages/backend as its working directory. */
  nodeArgs: string[];
  env: Record<string, string>;
  compileSeconds: number;
  /** The workspace packages compiled beside the backend's entry. */
  packages: string[];
  remove(): void;
}

const WORKSPACE_SCOPE = '@stalwart-backstage/';
const SKIPPED = /(\.test\.tsx?|\.d\.ts|setupTests\.ts)$/;

interface PackageJson {
  name: string;
  main?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
}

/** The compiled twin of a package.json entry point (`main` or any `exports` target). */
function compiledEntries(entry: unknown): unknown {
  if (typeof entry === 'string') return entry.replace(/\.tsx?$/, '.js');
  if (entry && typeof entry === 'object')
    return Object.fromEntries(
      Object.entries(entry).map(([key, value]) => [
        key,
        compiledEntries(value),
      ]),
    );
  return entry;
}

const readJson = (file: string): PackageJson =>
  JSON.parse(readFileSync(file, 'utf8'));

function compileFile(source: string, target: string) {
  const { code } = transformSync(readFileSync(source, 'utf8'), {
    filename: source,
    // The same transform `backstage-cli` applies to sources at run time, done once.
    module: { type: 'commonjs', ignoreDynamic: true },
    jsc: { target: 'es2023', parser: { syntax: 'typescript' } },
  });
  writeFileSync(target, code);
}

/** Compiles a `src` tree: TypeScript to CommonJS, every other file copied as it is. */
function compileTree(sourceDir: string, targetDir: string) {
  mkdirSync(targetDir, { recursive: true });
  for (const entry of readdirSync(sourceDir, { withFileTypes: true })) {
    const source = join(sourceDir, entry.name);
    if (entry.isDirectory()) {
      compileTree(source, join(targetDir, entry.name));
    } else if (SKIPPED.test(entry.name)) {
      continue;
    } else if (/\.tsx?$/.test(entry.name)) {
      compileFile(
        source,
        join(targetDir, entry.name.replace(/\.tsx?$/, '.js')),
      );
    } else {
      copyFileSync(source, join(targetDir, entry.name));
    }
  }
}

/** The workspace packages the backend loads, directly or through one another. */
function workspaceClosure(repoRoot: string, backend: PackageJson): string[] {
  const found = new Set<string>();
  const visit = (pkg: PackageJson) => {
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      if (!name.startsWith(WORKSPACE_SCOPE) || found.has(name)) continue;
      found.add(name);
      visit(readJson(join(repoRoot, 'node_modules', name, 'package.json')));
    }
  };
  visit(backend);
  return [...found];
}

/**
 * Compiles packages/backend and the workspace plugins it loads to CommonJS, laid out as an
 * install would be (`node_modules/@stalwart-backstage/…`), so the backend runs as operators
 * run a build: plain `node`, `NODE_ENV=production`, no TypeScript transform or module hooks
 * at run time. Takes seconds: swc, no type check and no bundling.
 */
export function compileBackend(repoRoot: string): CompiledBackend {
  const started = performance.now();
  // Inside the repository's node_modules, so that both require() and import() of every other
  // dependency resolve upwards from the compiled files to the repository's own install.
  const cacheDir = join(repoRoot, 'node_modules/.cache');
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'stalwart-bench-backend-'));
  try {
    const backendDir = join(repoRoot, 'packages/backend');
    const packages = workspaceClosure(
      repoRoot,
      readJson(join(backendDir, 'package.json')),
    );
    for (const name of packages) {
      // node_modules/<name> links to the package's folder in the workspace.
      const packageDir = join(repoRoot, 'node_modules', name);
      const pkg = readJson(join(packageDir, 'package.json'));
      const target = join(dir, 'node_modules', name);
      compileTree(join(packageDir, 'src'), join(target, 'src'));
      writeFileSync(
        join(target, 'package.json'),
        JSON.stringify({
          ...pkg,
          main: compiledEntries(pkg.main ?? 'src/index.ts'),
          exports: compiledEntries(pkg.exports),
          types: undefined,
        }),
      );
    }
    // The whole tree: the entry imports modules of its own (the permission policy).
    const entry = join(dir, 'packages/backend/src/index.js');
    compileTree(join(backendDir, 'src'), dirname(entry));
    return {
      nodeArgs: [entry],
      env: { NODE_ENV: 'production' },
      compileSeconds: (performance.now() - started) / 1000,
      packages,
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
