import { z } from 'zod/v3';
import { getChartFlavor, maxReleaseNameLength } from '../charts';
import type { InstanceSpec } from './instanceSpecSchema';
import { MAIL_PORT_KINDS } from './networkSchema';
import { requiredSecretKeys, resolvedDataStore } from './secretKeys';

type Report = (path: Array<string | number>, message: string) => void;

/** Rules that depend on the chart flavor: what its values can express and what it needs. */
export function applyFlavorRules(
  spec: InstanceSpec,
  ctx: z.RefinementCtx,
): void {
  const report: Report = (path, message) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  const flavor = getChartFlavor(spec.chart);

  const max = maxReleaseNameLength(flavor);
  if (spec.name.length > max) {
    report(['name'], `must be a DNS-1123 label of at most ${max} characters`);
  }
  checkTls(spec, report);
  checkSecrets(spec, report);
  checkStorage(spec, report);
  checkCapabilities(spec, report);

  const kinds = new Set(flavor.ports.map(p => p.kind));
  for (const kind of MAIL_PORT_KINDS) {
    const wanted = spec.service.ports[kind];
    if (wanted && !kinds.has(kind)) {
      report(
        ['service', 'ports', kind],
        `the ${spec.chart} chart has no ${kind} listener`,
      );
    }
    if (wanted === false && spec.chart === 'kgrubb') {
      report(
        ['service', 'ports', kind],
        'the kgrubb chart always exposes every mail port',
      );
    }
  }
  // Accepted but never rendered would be worse than refused: a dropped load-balancer
  // annotation can turn an internal Service into a public one.
  if (
    spec.chart === 'olsontech' &&
    Object.keys(spec.service.annotations).length > 0
  ) {
    report(
      ['service', 'annotations'],
      'is not supported by the olsontech chart, whose Service takes no annotations',
    );
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
  if (
    spec.chart === 'antigenic' &&
    spec.http.mode === 'gateway' &&
    Object.keys(spec.http.annotations).length > 0
  ) {
    report(
      ['http', 'annotations'],
      "is not supported by the antigenic chart's HTTPRoute, which takes no annotations",
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

function checkTls(spec: InstanceSpec, report: Report) {
  const { issuer, secretName, acmeDns } = spec.tls;
  if (spec.chart === 'olsontech') {
    if (!acmeDns)
      report(
        ['tls', 'acmeDns'],
        'is required: the olsontech chart issues its certificate through acme-dns',
      );
    if (issuer)
      report(
        ['tls', 'issuer'],
        'is not supported by the olsontech chart, which brings its own Issuer; use tls.acmeDns',
      );
    if (secretName)
      report(
        ['tls', 'secretName'],
        'is not supported by the olsontech chart, which always issues its own certificate',
      );
    return;
  }
  if (acmeDns)
    report(
      ['tls', 'acmeDns'],
      `is only supported by the olsontech chart; use tls.issuer`,
    );
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

const STORES_BY_CHART: Record<
  InstanceSpec['chart'],
  Array<'rocksdb' | 'postgresql' | 'foundationdb'>
> = {
  antigenic: ['postgresql'],
  olsontech: ['foundationdb'],
  hiroba: ['rocksdb', 'postgresql'],
  // kgrubb has no envFrom or extra volumes, so a database password could only live in values.
  kgrubb: ['rocksdb'],
};

function checkStorage(spec: InstanceSpec, report: Report) {
  const data = resolvedDataStore(spec);
  if (!STORES_BY_CHART[spec.chart].includes(data)) {
    report(
      ['storage', 'data'],
      `must be one of ${STORES_BY_CHART[spec.chart].join(', ')} for the ${
        spec.chart
      } chart`,
    );
  }
  const needs = {
    postgresql: data === 'postgresql',
    s3: spec.chart === 'antigenic',
    meilisearch: spec.chart === 'antigenic',
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
  if (spec.chart === 'olsontech') {
    if (spec.storage.size)
      report(
        ['storage', 'size'],
        'is not used by the olsontech chart, which keeps no data volume',
      );
    if (spec.storage.storageClass)
      report(
        ['storage', 'storageClass'],
        'is not used by the olsontech chart, which keeps no data volume',
      );
  }
  if (spec.chart === 'hiroba' && spec.storage.postgresql?.tls) {
    report(
      ['storage', 'postgresql', 'tls'],
      'is not supported for the v0.16 config.json data store',
    );
  }
}

function checkCapabilities(spec: InstanceSpec, report: Report) {
  const { chart } = spec;
  const nats = spec.cluster.nats;
  if (chart === 'olsontech' && spec.replicas > 1 && !nats) {
    report(
      ['cluster', 'nats'],
      'is required to cluster the olsontech chart (replicas > 1)',
    );
  }
  if (nats && (chart === 'antigenic' || chart === 'kgrubb')) {
    report(['cluster', 'nats'], `is not supported by the ${chart} chart`);
  }
  if (chart === 'olsontech' && !spec.image.repository) {
    report(
      ['image', 'repository'],
      'is required: the official image has no FoundationDB support (build Dockerfile.fdb)',
    );
  }
  if (chart === 'olsontech') {
    if (spec.proxy.trustedNetworks.length)
      report(
        ['proxy', 'trustedNetworks'],
        'is not supported by the olsontech chart',
      );
    if (spec.proxy.allowedIps.length)
      report(
        ['proxy', 'allowedIps'],
        'is not supported by the olsontech chart',
      );
    if (spec.metrics.prometheus)
      report(
        ['metrics', 'prometheus'],
        'is not supported by the olsontech chart',
      );
  }
  if (spec.relay && (chart === 'antigenic' || chart === 'olsontech')) {
    report(
      ['relay'],
      `is not supported by the ${chart} chart: its config.toml has no relay settings; configure it in the web admin`,
    );
  }
  if (spec.relay?.username && chart === 'kgrubb') {
    report(
      ['relay', 'username'],
      'is not supported by the kgrubb chart, which cannot pass the relay password from a Secret',
    );
  }
}
