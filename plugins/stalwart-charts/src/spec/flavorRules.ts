import { z } from 'zod/v3';
import { maxReleaseNameLength } from '../charts';
import { chartFlavorModules, getChartFlavorModule } from '../flavors/registry';
import type { FlavorSpecRules, SpecProblemReporter } from '../flavors/types';
import type { InstanceSpec } from './instanceSpecSchema';
import { MAIL_PORT_KINDS } from './networkSchema';
import { requiredSecretKeys, resolvedDataStore } from './secretKeys';

type Report = SpecProblemReporter;

/** Rules that depend on the chart flavor: what its values can express and what it needs. */
export function applyFlavorRules(
  spec: InstanceSpec,
  ctx: z.RefinementCtx,
): void {
  const report: Report = (path, message) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  const { descriptor, spec: rules } = getChartFlavorModule(spec.chart);

  const max = maxReleaseNameLength(descriptor);
  if (spec.name.length > max) {
    report(['name'], `must be a DNS-1123 label of at most ${max} characters`);
  }
  checkTls(spec, rules, report);
  checkSecrets(spec, report);
  checkStorage(spec, rules, report);
  rules.refuse(spec, report);
  if (spec.relay && descriptor.generation === 'v0.15') {
    report(
      ['relay'],
      `is not supported by the ${spec.chart} chart: its config.toml has no relay settings; configure it in the web admin`,
    );
  }

  const kinds = new Set(descriptor.ports.map(p => p.kind));
  for (const kind of MAIL_PORT_KINDS) {
    if (spec.service.ports[kind] && !kinds.has(kind)) {
      report(
        ['service', 'ports', kind],
        `the ${spec.chart} chart has no ${kind} listener`,
      );
    }
  }
  if (
    spec.http.mode === 'none' &&
    Object.keys(spec.http.annotations).length > 0
  ) {
    report(
      ['http', 'annotations'],
      'is only used when http.mode is ingress or gateway',
    );
  }
  if (spec.http.mode === 'gateway' && spec.http.parentRefs.length === 0) {
    report(
      ['http', 'parentRefs'],
      'must list at least one Gateway when http.mode is gateway',
    );
  }
  if (spec.gitops.engine === 'argocd' && !spec.gitops.argocd) {
    report(
      ['gitops', 'argocd'],
      'is required when gitops.engine is argocd (repoURL of the values)',
    );
  }
}

function checkTls(spec: InstanceSpec, rules: FlavorSpecRules, report: Report) {
  const { issuer, secretName, acmeDns } = spec.tls;
  if (rules.tlsIssuance === 'acme-dns') {
    if (!acmeDns)
      report(
        ['tls', 'acmeDns'],
        `is required: the ${spec.chart} chart issues its certificate through acme-dns`,
      );
    if (issuer)
      report(
        ['tls', 'issuer'],
        `is not supported by the ${spec.chart} chart, which brings its own Issuer; use tls.acmeDns`,
      );
    if (secretName)
      report(
        ['tls', 'secretName'],
        `is not supported by the ${spec.chart} chart, which always issues its own certificate`,
      );
    return;
  }
  if (acmeDns) {
    const acmeDnsCharts = chartFlavorModules()
      .filter(f => f.spec.tlsIssuance === 'acme-dns')
      .map(f => f.descriptor.id);
    report(
      ['tls', 'acmeDns'],
      `is only supported by the ${acmeDnsCharts.join(
        ', ',
      )} chart; use tls.issuer`,
    );
  }
  if (!issuer && !secretName)
    report(
      ['tls', 'issuer'],
      'is required unless tls.secretName names an existing TLS Secret',
    );
  if (issuer && secretName)
    report(['tls', 'secretName'], 'must not be set together with tls.issuer');
}

function checkSecrets(spec: InstanceSpec, report: Report) {
  const { provider, externalSecrets, sealedSecrets } = spec.secrets;
  if (provider === 'external-secrets' && !externalSecrets) {
    report(
      ['secrets', 'externalSecrets'],
      'is required when secrets.provider is external-secrets',
    );
  }
  if (provider !== 'external-secrets' && externalSecrets) {
    report(
      ['secrets', 'externalSecrets'],
      'is only used when secrets.provider is external-secrets',
    );
  }
  if (provider !== 'sealed-secrets' && sealedSecrets) {
    report(
      ['secrets', 'sealedSecrets'],
      'is only used when secrets.provider is sealed-secrets',
    );
  }
  if (provider === 'sealed-secrets') {
    if (!sealedSecrets) {
      report(
        ['secrets', 'sealedSecrets'],
        'is required when secrets.provider is sealed-secrets',
      );
      return;
    }
    for (const key of requiredSecretKeys(spec)) {
      if (!(key in sealedSecrets.encryptedData)) {
        report(
          ['secrets', 'sealedSecrets', 'encryptedData', key],
          'must be present: the chart reads this key',
        );
      }
    }
  }
}

function checkStorage(
  spec: InstanceSpec,
  rules: FlavorSpecRules,
  report: Report,
) {
  const data = resolvedDataStore(spec);
  if (!rules.dataStores.includes(data)) {
    report(
      ['storage', 'data'],
      `must be one of ${rules.dataStores.join(', ')} for the ${
        spec.chart
      } chart`,
    );
  }
  const needs = {
    postgresql: data === 'postgresql',
    s3: rules.requiredStorage.includes('s3'),
    meilisearch: rules.requiredStorage.includes('meilisearch'),
    foundationdb: data === 'foundationdb',
  };
  for (const [block, needed] of Object.entries(needs) as Array<
    [keyof typeof needs, boolean]
  >) {
    if (needed && !spec.storage[block])
      report(
        ['storage', block],
        `is required for the ${spec.chart} chart with ${data}`,
      );
    if (!needed && spec.storage[block])
      report(
        ['storage', block],
        `is not used by the ${spec.chart} chart with ${data}`,
      );
  }
  if (data === 'rocksdb' && spec.replicas > 1) {
    report(
      ['replicas'],
      'must be 1 with RocksDB: it is a single-writer store on a ReadWriteOnce volume',
    );
  }
}
