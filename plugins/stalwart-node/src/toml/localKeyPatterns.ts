import { FlatConfig } from './types';

type Match =
  | { type: 'all' }
  | { type: 'prefix'; value: string }
  | { type: 'suffix'; value: string }
  | { type: 'glob'; value: RegExp }
  | { type: 'exact'; value: string };

/**
 * The parsed `config.local-keys` patterns that decide which keys live only in the
 * pod's config.toml (and which database keys the server ignores).
 *
 * @public
 */
export interface LocalKeyPatterns {
  /** Whether Stalwart treats the key as local: some include matches and no exclude does. */
  isLocal(key: string): boolean;
  /** The patterns as written, after trimming and lowercasing. */
  readonly source: string[];
}

/**
 * v0.15.5's built-in list, used when the file sets no `config.local-keys`.
 *
 * @public
 */
export const DEFAULT_LOCAL_KEYS_V015: readonly string[] = [
  'store.*',
  'directory.*',
  'tracer.*',
  '!server.blocked-ip.*',
  '!server.allowed-ip.*',
  'server.*',
  'certificate.*',
  'config.local-keys.*',
  'authentication.fallback-admin.*',
  'cluster.*',
  'storage.data',
  'storage.blob',
  'storage.lookup',
  'storage.fts',
  'storage.directory',
  'enterprise.license-key',
];

const MAX_REMEMBERED_ANSWERS = 100_000;

function parseMatch(pattern: string): Match {
  if (pattern === '*') return { type: 'all' };
  const stars = pattern.split('*').length - 1;
  if (stars === 1 && pattern.endsWith('*')) {
    return { type: 'prefix', value: pattern.slice(0, -1) };
  }
  if (stars === 1 && pattern.startsWith('*')) {
    return { type: 'suffix', value: pattern.slice(1) };
  }
  if (stars > 0) {
    const escaped = pattern
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return { type: 'glob', value: new RegExp(`^${escaped}$`) };
  }
  return { type: 'exact', value: pattern };
}

function matches(match: Match, key: string): boolean {
  switch (match.type) {
    case 'all':
      return true;
    case 'prefix':
      return key.startsWith(match.value);
    case 'suffix':
      return key.endsWith(match.value);
    case 'glob':
      return match.value.test(key);
    default:
      return key === match.value;
  }
}

/**
 * Builds the local-key matcher from pattern strings (`!` excludes).
 *
 * @public
 */
export function parseLocalKeyPatterns(
  patterns: readonly string[],
): LocalKeyPatterns {
  const source = patterns.map(p => p.trim().toLowerCase()).filter(Boolean);
  const includes: Match[] = [];
  const excludes: Match[] = [];
  for (const pattern of source) {
    if (pattern.startsWith('!'))
      excludes.push(parseMatch(pattern.slice(1).trim()));
    else includes.push(parseMatch(pattern));
  }
  // The same keys are asked about read after read (every pod, every drift check): answer each once.
  const answers = new Map<string, boolean>();
  return {
    source,
    isLocal: key => {
      let local = answers.get(key);
      if (local === undefined) {
        if (answers.size >= MAX_REMEMBERED_ANSWERS) answers.clear();
        local =
          includes.some(m => matches(m, key)) &&
          !excludes.some(m => matches(m, key));
        answers.set(key, local);
      }
      return local;
    },
  };
}

/**
 * The local-key patterns a flattened config.toml declares (every `config.local-keys`
 * value), falling back to v0.15.5's defaults; `config.local-keys.*` is always added,
 * as the server has done since v0.13.
 *
 * @public
 */
export function localKeyPatternsOf(fileConfig: FlatConfig): LocalKeyPatterns {
  const declared = Object.entries(fileConfig)
    .filter(
      ([key]) =>
        key === 'config.local-keys' || key.startsWith('config.local-keys.'),
    )
    .map(([, value]) => value);
  const patterns =
    declared.length > 0 ? declared : [...DEFAULT_LOCAL_KEYS_V015];
  if (!patterns.some(p => p.trim().toLowerCase() === 'config.local-keys.*')) {
    patterns.push('config.local-keys.*');
  }
  return parseLocalKeyPatterns(patterns);
}
