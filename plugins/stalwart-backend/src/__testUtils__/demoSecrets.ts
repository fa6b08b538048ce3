import type { SimulatorServer } from '@stalwart-backstage/simulator';
import {
  encodeV015ApiKey,
  loadScenario,
  scenarioSecretValues,
} from '@stalwart-backstage/simulator';
import { DEMO_SCENARIO } from './startConnectionFixture';

/**
 * Every secret value the demo scenario holds, as decoys a response must never contain, plus
 * the `oauth.key` the simulated server generated at boot (read from a pod, as an
 * attacker-blind check).
 */
export async function demoSecretDecoys(
  simulator: SimulatorServer,
): Promise<string[]> {
  const decoys = new Set(scenarioSecretValues(loadScenario(DEMO_SCENARIO)));
  const pod = simulator.control.podFetch(
    'homelab',
    'stalwart',
    'stalwart-antigenic-stalwart-helm-chart-0',
  );
  const apiKey = encodeV015ApiKey('backstage', 'demo-backstage-api-key');
  const listed = await (
    await pod('/api/settings/list', {
      headers: { Authorization: `Bearer ${apiKey}` },
    })
  ).json();
  decoys.add(listed.data.items['oauth.key']);
  return [...decoys];
}
