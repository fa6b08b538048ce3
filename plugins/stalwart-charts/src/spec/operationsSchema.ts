import { z } from 'zod/v3';
import { host, port, quantity } from './fields';

const cpuMemory = z
  .object({
    cpu: quantity().optional().describe('CPU, e.g. 500m.'),
    memory: quantity().optional().describe('Memory, e.g. 1Gi.'),
  })
  .strict();

export const resourcesSchema = z
  .object({
    requests: cpuMemory.optional().describe('Guaranteed resources.'),
    limits: cpuMemory.optional().describe('Resource ceilings.'),
  })
  .strict()
  .optional()
  .describe("Container resources; the chart's defaults when omitted.");

export const metricsSchema = z
  .object({
    prometheus: z
      .boolean()
      .default(false)
      .describe('Serve /metrics/prometheus.'),
  })
  .strict()
  .default({})
  .describe('Metrics.');

export const relaySchema = z
  .object({
    host: host().describe(
      'Smarthost that relays all outbound mail (e.g. smtp.resend.com).',
    ),
    port: port().default(587).describe('Smarthost port.'),
    implicitTls: z
      .boolean()
      .optional()
      .describe(
        'TLS from the first byte (port 465); STARTTLS otherwise. Defaults to port === 465.',
      ),
    username: z
      .string()
      .regex(
        /^[A-Za-z0-9._@+-]{1,128}$/,
        'must be a user name of safe characters',
      )
      .optional()
      .describe('Smarthost user; the password is the Secret key RELAY_SECRET.'),
  })
  .strict()
  .optional()
  .describe('Outbound relay (smarthost) for every non-local recipient.');

export const pdbSchema = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe('Create a PodDisruptionBudget.'),
    minAvailable: z
      .number()
      .int()
      .min(1)
      .max(16)
      .default(1)
      .describe('Pods kept during drains.'),
  })
  .strict()
  .default({})
  .describe('PodDisruptionBudget.');
