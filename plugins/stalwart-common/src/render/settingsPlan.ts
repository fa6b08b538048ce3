import type { SettingsPlanOperation } from '../drift/v016/planFile';
import { writeSettingsPlan } from '../drift/v016/planWriter';
import { RELAY_SECRET_KEY, type InstanceSpec } from '../spec';
import { createRenderContext, type RenderContext } from './context';
import { HIROBA_TLS_MOUNT } from './values/hirobaValues';

type PlanOperation = SettingsPlanOperation;

/**
 * Declares a collection's objects in the CLI's verified format (C src/commands/apply.rs:
 * create | update | destroy): destroy each by its natural key, then create it, so the plan
 * applies again and again with the same result (destroys run first, in reverse).
 */
function replaceByName(
  object: string,
  key: string,
  value: Record<string, Record<string, unknown>>,
): PlanOperation[] {
  return [
    ...Object.values(value).map(
      (o): PlanOperation => ({
        '@type': 'destroy',
        object,
        value: { [key]: o[key] },
      }),
    ),
    { '@type': 'create', object, value },
  ];
}

/** Stalwart's listener protocol for each port kind. */
const PROTOCOL: Record<string, string> = {
  smtp: 'smtp',
  submission: 'smtp',
  submissions: 'smtp',
  imap: 'imap',
  imaps: 'imap',
  pop3: 'pop3',
  pop3s: 'pop3',
  sieve: 'manageSieve',
  management: 'http',
  https: 'http',
};

function listeners(ctx: RenderContext): PlanOperation[] {
  const trusted = Object.fromEntries(
    ctx.spec.proxy.trustedNetworks.map(n => [n, true]),
  );
  const value = Object.fromEntries(
    ctx.ports
      .filter(p => p.enabled && PROTOCOL[p.kind])
      .map(p => [
        p.name,
        {
          name: p.name,
          protocol: PROTOCOL[p.kind],
          bind: { [`[::]:${p.containerPort}`]: true },
          tlsImplicit: p.implicitTls,
          ...(Object.keys(trusted).length && p.kind !== 'management'
            ? { overrideProxyTrustedNetworks: trusted }
            : {}),
        },
      ]),
  );
  return replaceByName('NetworkListener', 'name', value);
}

function relay(ctx: RenderContext): PlanOperation[] {
  const r = ctx.spec.relay;
  if (!r) return [];
  return [
    ...replaceByName('MtaRoute', 'name', {
      relay: {
        '@type': 'Relay',
        name: 'relay',
        address: r.host,
        port: r.port,
        protocol: 'smtp',
        implicitTls: r.implicitTls ?? r.port === 465,
        allowInvalidCerts: false,
        ...(r.username
          ? {
              authUsername: r.username,
              authSecret: {
                '@type': 'EnvironmentVariable',
                variableName: RELAY_SECRET_KEY,
              },
            }
          : { authSecret: { '@type': 'None' } }),
      },
    }),
    {
      '@type': 'update',
      object: 'MtaOutboundStrategy',
      value: {
        route: {
          match: {
            '0': { if: 'is_local_domain(rcpt_domain)', then: "'local'" },
          },
          else: "'relay'",
        },
      },
    },
  ];
}

/**
 * The declared Stalwart v0.16 settings as a `stalwart-cli apply` plan (NDJSON), for the v0.16
 * flavors; the drift engine compares it with the registry (shared/docs/stalwart-v016.md §2, §5).
 * Secrets appear only as EnvironmentVariable or File references. Undefined for v0.15 flavors.
 *
 * @public
 */
export function renderSettingsPlan(spec: InstanceSpec): string | undefined {
  const ctx = createRenderContext(spec);
  if (ctx.flavor.generation !== 'v0.16') return undefined;
  const ops: PlanOperation[] = [
    {
      '@type': 'update',
      object: 'SystemSettings',
      value: { defaultHostname: spec.hostname },
    },
    ...listeners(ctx),
  ];
  if (spec.proxy.allowedIps.length) {
    ops.push(
      ...replaceByName(
        'AllowedIp',
        'address',
        Object.fromEntries(
          spec.proxy.allowedIps.map((address, i) => [
            `allowed-${i}`,
            { address, reason: 'instance spec' },
          ]),
        ),
      ),
    );
  }
  if (spec.chart === 'hiroba' && (spec.tls.issuer || spec.tls.secretName)) {
    // A certificate's natural key (subjectAlternativeNames) is set by the server from the
    // certificate itself, so a plan cannot name one to destroy: replace them all.
    ops.push(
      { '@type': 'destroy', object: 'Certificate' },
      {
        '@type': 'create',
        object: 'Certificate',
        value: {
          'mail-tls': {
            certificate: {
              '@type': 'File',
              filePath: `${HIROBA_TLS_MOUNT}/tls.crt`,
            },
            privateKey: {
              '@type': 'File',
              filePath: `${HIROBA_TLS_MOUNT}/tls.key`,
            },
          },
        },
      },
    );
  }
  ops.push(...relay(ctx));
  if (spec.metrics.prometheus) {
    ops.push({
      '@type': 'update',
      object: 'Metrics',
      value: { prometheus: { '@type': 'Enabled' } },
    });
  }
  return writeSettingsPlan(ops);
}
