import { z } from 'zod/v3';
import {
  DNS_LABEL,
  isAnnotationKey,
  isCidr,
  isDnsSubdomain,
  isFqdn,
  isIpAddress,
  isPlainUrl,
  QUANTITY,
} from './rules';

/** A DNS-1123 label of at most `max` characters. */
export const dnsLabel = (max = 63) =>
  z
    .string()
    .max(max, `must be a DNS-1123 label of at most ${max} characters`)
    .regex(DNS_LABEL, `must be a DNS-1123 label of at most ${max} characters`);

/** A Kubernetes object name (DNS-1123 subdomain). */
export const objectName = () =>
  z
    .string()
    .refine(
      isDnsSubdomain,
      'must be a Kubernetes object name (DNS-1123 subdomain)',
    );

/** A fully qualified ASCII host name. */
export const fqdn = () =>
  z
    .string()
    .refine(
      isFqdn,
      'must be a fully qualified lower-case ASCII host name (letters, digits, hyphens, dots)',
    );

/** A host: FQDN, single DNS label (in-cluster short name) or IP address. */
export const host = () =>
  z
    .string()
    .refine(
      v => isFqdn(v) || DNS_LABEL.test(v) || isIpAddress(v),
      'must be a host name or IP address',
    );

export const port = () =>
  z
    .number()
    .int('must be an integer port between 1 and 65535')
    .min(1, 'must be an integer port between 1 and 65535')
    .max(65535, 'must be an integer port between 1 and 65535');

export const cidr = () =>
  z.string().refine(isCidr, 'must be an IPv4 or IPv6 network in CIDR notation');

export const ipOrCidr = () =>
  z
    .string()
    .refine(
      v => isIpAddress(v) || isCidr(v),
      'must be an IP address or a CIDR network',
    );

export const url = (schemes: string[]) =>
  z
    .string()
    .refine(
      v => isPlainUrl(v, schemes),
      `must be a ${schemes.join(
        ' or ',
      )} URL without credentials, query or fragment`,
    );

export const quantity = () =>
  z
    .string()
    .regex(QUANTITY, 'must be a Kubernetes quantity such as 500m, 1Gi or 2');

/** A key of a Secret (environment-variable or file name). */
export const secretKey = () =>
  z
    .string()
    .regex(
      /^[-._a-zA-Z0-9]{1,253}$/,
      'must be a Secret key of letters, digits, "-", "_" or "."',
    );

/** A reference to one key of a Kubernetes Secret; never the value. */
export const secretKeyRef = () =>
  z
    .object({
      name: objectName().describe(
        'Name of the Secret in the instance namespace.',
      ),
      key: secretKey().describe('Key inside the Secret.'),
    })
    .strict();

/** Annotations copied onto an object (cloud load-balancer settings and the like). */
export const annotations = () =>
  z
    .record(
      z.string().refine(isAnnotationKey, 'must be a qualified annotation key'),
      z
        .string()
        .max(1024, 'must be at most 1024 characters')
        // Line breaks would let a value pose as further keys to whoever reviews the YAML diff.
        .refine(
          v => !/[\p{Cc}\u2028\u2029]/u.test(v),
          'must be a single line without control characters',
        ),
    )
    .refine(
      v => Object.keys(v).length <= 32,
      'must have at most 32 annotations',
    );

/** Whether a value is a plain JSON object. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
