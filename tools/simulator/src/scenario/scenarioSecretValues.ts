import type { Scenario } from './types';

// A leaf whose own key says it is a secret (`secret`, `auth.secret`, `password`, `token`).
const SECRET_KEY = /(^|\.)(secret|password|token)$/i;

function collectStrings(
  value: unknown,
  into: Set<string>,
  secretOnly: boolean,
  key = '',
) {
  if (typeof value === 'string') {
    if (!secretOnly || SECRET_KEY.test(key)) into.add(value);
  } else if (Array.isArray(value)) {
    value.forEach(v => collectStrings(v, into, secretOnly, key));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      collectStrings(v, into, secretOnly, k);
  }
}

/**
 * Every secret value a scenario holds, for tests to grep outputs for: the Secrets' data
 * (encoded and decoded), Stalwart's env and files (what macros expand to), its API keys and
 * principals, the database's and registry's secret-like values and the recovery admin.
 * References (`%{env:…}%`, `%{file:…}%`) and values too short to be telling are left out:
 * showing where a secret lives is intended.
 */
export function scenarioSecretValues(scenario: Scenario): string[] {
  const values = new Set<string>();
  for (const cluster of scenario.clusters) {
    for (const manifest of cluster.manifests) {
      if (manifest?.kind !== 'Secret') continue;
      for (const encoded of Object.values<string>(manifest.data ?? {})) {
        values.add(encoded);
        values.add(Buffer.from(encoded, 'base64').toString('utf8'));
      }
    }
    for (const { spec } of cluster.stalwartServers) {
      collectStrings(spec.env, values, false);
      for (const content of Object.values(spec.files ?? {}))
        for (const line of String(content).split('\n'))
          if (!line.startsWith('-----')) values.add(line);
      collectStrings(spec.principals, values, true);
      collectStrings(spec.apiKeys, values, true);
      collectStrings(spec.recoveryAdmin, values, false);
      collectStrings(spec.database, values, true);
      collectStrings(spec.registry, values, true);
    }
  }
  return [...values].filter(
    value => value.length >= 8 && !/^%\{(env|file):/.test(value),
  );
}
