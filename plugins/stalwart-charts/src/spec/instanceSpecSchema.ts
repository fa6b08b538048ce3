import { z } from 'zod/v3';
import { CHART_FLAVOR_IDS } from '../charts';
import type { ChartFlavorId } from '../charts';
import { dnsLabel, fqdn } from './fields';
import { applyFlavorRules } from './flavorRules';
import { gitopsSchema } from './gitopsSchema';
import {
  httpSchema,
  networkPolicySchema,
  proxySchema,
  serviceSchema,
} from './networkSchema';
import {
  metricsSchema,
  pdbSchema,
  relaySchema,
  resourcesSchema,
} from './operationsSchema';
import { clusterSchema, storageSchema } from './storageSchema';
import { secretsSchema, tlsSchema } from './tlsAndSecretsSchema';

/**
 * The most pods a spec may ask for; Stalwart node ids have 9 bits, real clusters are small.
 *
 * @public
 */
export const MAX_REPLICAS = 16;

/**
 * The instance spec's fields before the chart flavor's cross-field rules: what
 * {@link InstanceSpec} and {@link InstanceSpecInput} are typed from.
 *
 * @public
 */
export const instanceSpecObject = z
  .object({
    name: dnsLabel().describe(
      'Helm release and instance name; bounded per chart so every derived object name fits 63 characters.',
    ),
    namespace: dnsLabel().describe('Namespace the instance runs in.'),
    hostname: fqdn().describe('FQDN the mail listeners and certificate serve.'),
    chart: z
      .enum(CHART_FLAVOR_IDS as [ChartFlavorId, ...ChartFlavorId[]])
      .describe(
        `Chart flavor: ${CHART_FLAVOR_IDS.slice(0, -1).join(', ')} or ${
          CHART_FLAVOR_IDS[CHART_FLAVOR_IDS.length - 1]
        }.`,
      ),
    chartVersion: z
      .string()
      .regex(
        /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/,
        'must be a semantic version such as 1.0.4',
      )
      .optional()
      .describe(
        'Chart version; defaults to the version this release was tested with.',
      ),
    image: z
      .object({
        repository: z
          .string()
          .regex(
            /^[a-z0-9]+([._/:-][a-z0-9]+)*$/,
            'must be an image repository such as stalwartlabs/stalwart',
          )
          .max(255)
          .optional()
          .describe('Image repository.'),
        tag: z
          .string()
          .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'must be an image tag')
          .optional()
          .describe('Image tag.'),
      })
      .strict()
      .default({})
      .describe("Stalwart image; the chart's default when omitted."),
    replicas: z
      .number()
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(MAX_REPLICAS, `must be at most ${MAX_REPLICAS}`)
      .default(1)
      .describe('Number of Stalwart pods.'),
    update: z
      .boolean()
      .default(false)
      .describe(
        'Whether the publish step updates an existing pull request / folder instead of creating one.',
      ),
    tls: tlsSchema,
    secrets: secretsSchema,
    gitops: gitopsSchema,
    storage: storageSchema,
    cluster: clusterSchema,
    service: serviceSchema,
    http: httpSchema,
    proxy: proxySchema,
    metrics: metricsSchema,
    relay: relaySchema,
    resources: resourcesSchema,
    pdb: pdbSchema,
    networkPolicy: networkPolicySchema,
  })
  .strict();

/**
 * The instance spec schema: one Stalwart instance, the chart it runs on and how GitOps applies
 * it. Unknown keys are refused; secrets are only referenced.
 *
 * @public
 */
export const instanceSpecSchema = instanceSpecObject
  .superRefine(applyFlavorRules)
  .describe(
    'A Stalwart instance rendered into chart values and GitOps manifests.',
  );

/**
 * A validated instance spec with defaults applied.
 *
 * @public
 */
export type InstanceSpec = z.output<typeof instanceSpecObject>;

/**
 * What a user writes: the spec before defaults.
 *
 * @public
 */
export type InstanceSpecInput = z.input<typeof instanceSpecObject>;
