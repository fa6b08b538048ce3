import { randomBytes } from 'node:crypto';
import { parseSettingsPlanOperations } from '@stalwart-backstage/plugin-stalwart-charts';
import type { SimulatedCluster } from '../kube/SimulatedCluster';
import { BUILTIN_RESOURCE_TYPES } from '../kube/resourceTypes';
import type { SimulatedStalwart } from '../stalwart/StalwartFleet';
import { encodeV015ApiKey } from '../stalwart/v015/encodeV015ApiKey';
import {
  applySettingsPlan,
  type PlanApplyResult,
} from '../stalwart/v016/applySettingsPlan';
import { encodeV016ApiKey } from '../stalwart/v016/V016Server';

const SECRET = BUILTIN_RESOURCE_TYPES.find(t => t.kind === 'Secret')!;

/**
 * Where the platform team stores Backstage's Stalwart API key for each instance: the Secret
 * the backend's `stalwart.credentials.default` names, in the instance's namespace.
 *
 * @public
 */
export interface BackstageCredentialsSecret {
  secretName: string;
  /** The Secret key holding the API key (default `apiKey`). */
  key?: string;
}

/** What onboarding did for a new instance. */
export interface Onboarding {
  /** The settings plan applied as `stalwart-cli apply` does (v0.16). */
  plan?: PlanApplyResult;
  /** The API key Backstage now holds in its Secret. */
  apiKey?: string;
}

/**
 * Backstage's key for one instance, made as an operator does once the server answers: on
 * v0.15 an `apiKey` principal with the admin role (POST /api/principal), on v0.16 an
 * `x:ApiKey` of an admin account (stalwart-v015.md §1 "Recommendation", stalwart-v016.md §1
 * "Creating an API key"). The secret is random: it exists only in Stalwart and the Secret.
 */
function createApiKey(stalwart: SimulatedStalwart): string {
  const { spec } = stalwart.document;
  if (stalwart.generation === 'v0.16') {
    const credential = (spec.apiKeys?.length ?? 0) + 1;
    const apiKey = encodeV016ApiKey(1, credential, randomBytes(20));
    spec.apiKeys = [
      ...(spec.apiKeys ?? []),
      { token: apiKey, description: 'backstage' },
    ];
    return apiKey;
  }
  const secret = randomBytes(24).toString('base64url');
  spec.principals = [
    ...(spec.principals ?? []),
    { name: 'backstage', type: 'apiKey', secret, roles: ['admin'] },
  ];
  return encodeV015ApiKey('backstage', secret);
}

/**
 * The platform team's one-time steps for an instance that has just started, which no chart
 * renders and git must not hold: on v0.16 Stalwart's declarative flow applies the folder's
 * settings plan with `stalwart-cli apply` (stalwart-v016.md §2 "Official flow"), and Backstage
 * gets an API key, stored in its credentials Secret as `kubectl create secret generic` would.
 * An existing credentials Secret is left as it is.
 */
export function onboardInstance(options: {
  cluster: SimulatedCluster;
  stalwart: SimulatedStalwart;
  namespace: string;
  settingsPlan?: string;
  credentials?: BackstageCredentialsSecret;
}): Onboarding {
  const { cluster, stalwart, namespace, credentials } = options;
  const onboarding: Onboarding = {};
  if (stalwart.v016 && options.settingsPlan !== undefined) {
    onboarding.plan = applySettingsPlan(
      stalwart.v016,
      parseSettingsPlanOperations(options.settingsPlan),
    );
  }
  if (
    credentials &&
    !cluster.store.get(SECRET, namespace, credentials.secretName)
  ) {
    onboarding.apiKey = createApiKey(stalwart);
    cluster.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: credentials.secretName, namespace },
      type: 'Opaque',
      data: {
        [credentials.key ?? 'apiKey']: Buffer.from(onboarding.apiKey).toString(
          'base64',
        ),
      },
    });
  }
  return onboarding;
}
