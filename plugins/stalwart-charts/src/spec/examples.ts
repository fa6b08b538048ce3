import type { ChartFlavorId } from '../charts';
import { getChartFlavorModule } from '../flavors/registry';
import type { InstanceSpecInput } from './instanceSpecSchema';

/** Stand-in kubeseal ciphertext: base64 of the right shape, not a secret. */
const CIPHERTEXT = `AgB${'x'.repeat(80)}==`;

/**
 * A complete example spec for a flavor, GitOps engine and secrets provider, as a user would
 * write it (before defaults). Used by the template's defaults, the golden tests and the benchmark.
 *
 * @public
 */
export function exampleInstanceSpec(
  chart: ChartFlavorId,
  engine: 'flux' | 'argocd' = 'flux',
  provider:
    | 'existing'
    | 'external-secrets'
    | 'sealed-secrets' = 'external-secrets',
  name = 'mail-prod',
): InstanceSpecInput {
  const { spec: example, sealedSecretKeys } =
    getChartFlavorModule(chart).example;
  const part = structuredClone(example);
  return {
    name,
    namespace: 'mail',
    hostname: 'mail.example.com',
    chart,
    ...part,
    tls: part.tls!,
    secrets: {
      provider,
      name: `${name}-secrets`,
      ...(provider === 'external-secrets'
        ? {
            externalSecrets: {
              store: 'vault-backend',
              remoteKey: `mail/${name}`,
            },
          }
        : {}),
      ...(provider === 'sealed-secrets'
        ? {
            sealedSecrets: {
              encryptedData: Object.fromEntries(
                sealedSecretKeys.map(k => [k, CIPHERTEXT]),
              ),
            },
          }
        : {}),
    },
    gitops: {
      engine,
      path: `clusters/prod/${name}`,
      ...(engine === 'argocd'
        ? {
            argocd: {
              repoURL: 'https://github.com/example/gitops.git',
              revision: 'main',
            },
          }
        : {}),
    },
  };
}
