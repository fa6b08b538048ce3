import type { SimulatorServer } from '@stalwart-backstage/simulator';
import { loadScenario } from '@stalwart-backstage/simulator';
import { DEMO_SCENARIO } from './startConnectionFixture';

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
 * Every secret value the demo scenario holds, as decoys a response must never contain: the
 * Secrets' data (encoded and decoded), Stalwart's env and files (macro expansions), its API keys
 * and principals, the database's and registry's secret-like values, and the `oauth.key` the
 * simulated server generated at boot (read from a pod, as an attacker-blind check).
 */
export async function demoSecretDecoys(
  simulator: SimulatorServer,
): Promise<string[]> {
  const decoys = new Set<string>();
  for (const cluster of loadScenario(DEMO_SCENARIO).clusters) {
    for (const manifest of cluster.manifests) {
      if (manifest?.kind !== 'Secret') continue;
      for (const encoded of Object.values<string>(manifest.data ?? {})) {
        decoys.add(encoded);
        decoys.add(Buffer.from(encoded, 'base64').toString('utf8'));
      }
    }
    for (const { spec } of cluster.stalwartServers) {
      collectStrings(spec.env, decoys, false);
      for (const content of Object.values(spec.files ?? {}))
        for (const line of String(content).split('\n'))
          if (!line.startsWith('-----')) decoys.add(line);
      collectStrings(spec.principals, decoys, true);
      collectStrings(spec.apiKeys, decoys, true);
      collectStrings(spec.recoveryAdmin, decoys, false);
      collectStrings(spec.database, decoys, true);
      collectStrings(spec.registry, decoys, true);
    }
  }
  const pod = simulator.control.podFetch(
    'homelab',
    'stalwart',
    'stalwart-antigenic-stalwart-helm-chart-0',
  );
  const apiKey = `api_${Buffer.from(
    'backstage:demo-backstage-api-key',
  ).toString('base64')}`;
  const listed = await (
    await pod('/api/settings/list', {
      headers: { Authorization: `Bearer ${apiKey}` },
    })
  ).json();
  decoys.add(listed.data.items['oauth.key']);
  // Values that name where a secret lives are shown on purpose; they are not secrets.
  for (const reference of [...decoys])
    if (/^%\{(env|file):/.test(reference) || reference.length < 8)
      decoys.delete(reference);
  return [...decoys];
}
