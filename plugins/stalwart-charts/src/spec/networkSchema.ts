import { z } from 'zod/v3';
import {
  annotations,
  cidr,
  dnsLabel,
  fqdn,
  ipOrCidr,
  objectName,
} from './fields';

/**
 * The mail listeners a spec can switch on or off.
 *
 * @public
 */
export const MAIL_PORT_KINDS = [
  'smtp',
  'submission',
  'submissions',
  'imap',
  'imaps',
  'pop3',
  'pop3s',
  'sieve',
] as const;

const portSwitch = (what: string) =>
  z
    .boolean()
    .optional()
    .describe(`Expose ${what}; the chart's default when omitted.`);

export const serviceSchema = z
  .object({
    type: z
      .enum(['LoadBalancer', 'NodePort', 'ClusterIP'])
      .default('LoadBalancer')
      .describe('Service type carrying the mail ports.'),
    externalTrafficPolicy: z
      .enum(['Local', 'Cluster'])
      .default('Local')
      .describe(
        'Local keeps client source IPs (needed for SPF, greylisting, rate limits).',
      ),
    annotations: annotations()
      .default({})
      .describe(
        'Annotations for the mail Service (cloud load-balancer settings).',
      ),
    ports: z
      .object({
        smtp: portSwitch('SMTP (25)'),
        submission: portSwitch('submission (587)'),
        submissions: portSwitch('submissions with implicit TLS (465)'),
        imap: portSwitch('IMAP (143)'),
        imaps: portSwitch('IMAPS (993)'),
        pop3: portSwitch('POP3 (110)'),
        pop3s: portSwitch('POP3S (995)'),
        sieve: portSwitch('ManageSieve (4190)'),
      })
      .strict()
      .default({})
      .describe('Per-port enablement of the mail listeners.'),
  })
  .strict()
  .default({})
  .describe('How the mail ports are exposed.');

const parentRef = z
  .object({
    name: objectName().describe('Gateway name.'),
    namespace: dnsLabel().optional().describe('Gateway namespace.'),
    sectionName: dnsLabel()
      .optional()
      .describe('Listener of the Gateway (pin it to HTTPS).'),
  })
  .strict();

export const httpSchema = z
  .object({
    mode: z
      .enum(['none', 'ingress', 'gateway'])
      .default('none')
      .describe(
        'How HTTP (JMAP, web admin) is routed: not at all, an Ingress or a Gateway API HTTPRoute.',
      ),
    hostname: fqdn()
      .optional()
      .describe('HTTP host name; defaults to the mail hostname.'),
    ingressClassName: objectName()
      .optional()
      .describe('IngressClass (mode ingress).'),
    annotations: annotations()
      .default({})
      .describe('Annotations for the Ingress or HTTPRoute.'),
    parentRefs: z
      .array(parentRef)
      .max(8, 'must list at most 8 parent Gateways')
      .default([])
      .describe('Gateways the HTTPRoute attaches to (mode gateway).'),
  })
  .strict()
  .default({})
  .describe('HTTP routing.');

export const proxySchema = z
  .object({
    trustedNetworks: z
      .array(cidr())
      .max(64, 'must list at most 64 networks')
      .default([])
      .describe(
        'Networks allowed to send the PROXY protocol header (your load balancers).',
      ),
    allowedIps: z
      .array(ipOrCidr())
      .max(256, 'must list at most 256 entries')
      .default([])
      .describe('Addresses never rate-limited or blocked by Stalwart.'),
  })
  .strict()
  .default({})
  .describe('PROXY protocol and allow-listed addresses.');

export const networkPolicySchema = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe('Restrict ingress to the Stalwart pods.'),
    allowedCidrs: z
      .array(cidr())
      .min(1, 'must list at least one network')
      .max(64, 'must list at most 64 networks')
      .default(['0.0.0.0/0', '::/0'])
      .describe('Networks allowed to reach the mail and HTTP ports.'),
  })
  .strict()
  .default({})
  .describe('NetworkPolicy for the Stalwart pods.');
