import {
  CHART_FLAVOR_IDS,
  exampleInstanceSpec,
  formatSpecProblems,
  parseInstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import type { StepId, TemplateInputs } from './scaffolderPipeline';

type Spec = Record<string, any>;

/** One hostile input and the refusal it must get: the step, the field path and the rule. */
export interface HostileCase {
  inputClass: string;
  title: string;
  inputs: TemplateInputs;
  /** The step that must refuse it (the first that reads the field). */
  step: StepId;
  /** The field path the message must name, as `<field>: <rule>`. */
  field: string;
  rule: RegExp;
}

/** A hiroba spec through Flux: the flavor with the most free-text fields (relay, routes, PROXY). */
export const baseSpec = (name = 'mail-hostile'): Spec => {
  const spec = exampleInstanceSpec('hiroba', 'flux', 'existing', name) as Spec;
  spec.gitops.path = `clusters/hostile/${name}`;
  return spec;
};

/** Specs that between them set every field the schema has, each valid on its own. */
export function fullSpecs(): Spec[] {
  const specs: Spec[] = CHART_FLAVOR_IDS.flatMap(chart => [
    exampleInstanceSpec(chart, 'argocd', 'sealed-secrets', 'mail-full'),
    exampleInstanceSpec(chart, 'flux', 'external-secrets', 'mail-full'),
  ]);
  for (const spec of specs) {
    spec.chartVersion = '1.0.4';
    spec.image = {
      repository: 'stalwartlabs/stalwart',
      tag: 'v0.15.5',
      ...spec.image,
    };
    if (spec.chart !== 'olsontech')
      spec.storage = { ...spec.storage, storageClass: 'fast-ssd' };
    // Only where the chart renders them: elsewhere annotations are refused, not dropped.
    if (spec.chart !== 'olsontech')
      spec.service = {
        ...spec.service,
        annotations: { 'service.beta.kubernetes.io/lb-class': 'internal' },
      };
    spec.http = {
      ...spec.http,
      hostname: 'webmail.example.com',
      ...(spec.chart === 'antigenic' && spec.http.mode === 'gateway'
        ? {}
        : { annotations: { 'example.com/route-note': 'webmail' } }),
    };
    spec.resources = {
      requests: { cpu: '500m', memory: '1Gi' },
      limits: { cpu: '2', memory: '2Gi' },
    };
    spec.networkPolicy = { enabled: true, allowedCidrs: ['10.0.0.0/8'] };
    const parsed = parseInstanceSpec(spec);
    if (!parsed.ok)
      throw new Error(`${spec.chart}: ${formatSpecProblems(parsed.problems)}`);
  }
  return specs;
}

/** A path into a spec, object keys and array indexes. */
export type SpecPath = Array<string | number>;

/** Maps whose keys are user text. */
const RECORD_PARENTS = new Set([
  'service.annotations',
  'http.annotations',
  'secrets.sealedSecrets.encryptedData',
]);

/** Every string in a spec: values (`key` false) and record keys (`key` true). */
export function stringLeaves(
  value: unknown,
  path: SpecPath = [],
  out: Array<{ path: SpecPath; key: boolean }> = [],
) {
  if (typeof value === 'string') out.push({ path, key: false });
  else if (Array.isArray(value))
    value.forEach((v, i) => stringLeaves(v, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // Keys of maps (annotations, sealed data) are user text; keys of the schema's objects are not.
      if (RECORD_PARENTS.has(path.join('.')))
        out.push({ path: [...path, k], key: true });
      stringLeaves(v, [...path, k], out);
    }
  }
  return out;
}

export const clone = <T>(v: T): T => structuredClone(v);

export function setAt(spec: Spec, path: SpecPath, value: unknown) {
  let at: any = spec;
  for (const seg of path.slice(0, -1)) at = at[seg] ??= {};
  at[path[path.length - 1]] = value;
}

export function renameKey(spec: Spec, path: SpecPath, newKey: string) {
  let at: any = spec;
  for (const seg of path.slice(0, -1)) at = at[seg];
  const old = path[path.length - 1] as string;
  const value = at[old];
  delete at[old];
  at[newKey] = value;
}

/** YAML and TOML injection payloads: each breaks out of a scalar if written unquoted. */
export const INJECTIONS: Array<[string, (v: string) => string]> = [
  ['a newline and a YAML key', v => `${v}\nkind: Secret`],
  ['a YAML document separator', v => `${v}\n---\napiVersion: v1`],
  ['a double quote and a TOML table', v => `${v}"\n[server]\nhostname = "evil`],
  ['a single quote and a flow mapping', v => `${v}': {injected: true}`],
  ['a carriage return', v => `${v}\r\ninjected: true`],
];

/** Field path as the messages write it (dotted, array indexes included). */
export const dotted = (path: SpecPath) => path.join('.');

const specCase = (
  inputClass: string,
  title: string,
  edit: (spec: Spec) => void,
  field: string,
  rule: RegExp,
  base: Spec = baseSpec(),
): HostileCase => {
  const spec = clone(base);
  edit(spec);
  return {
    inputClass,
    title,
    inputs: { spec },
    step: 'stalwart:spec:validate',
    field,
    rule,
  };
};

const antigenic = () => {
  const s = exampleInstanceSpec(
    'antigenic',
    'argocd',
    'existing',
    'mail-hostile',
  ) as Spec;
  s.gitops.path = 'clusters/hostile/antigenic';
  return s;
};
const olsontech = () => {
  const s = exampleInstanceSpec(
    'olsontech',
    'flux',
    'existing',
    'mail-hostile',
  ) as Spec;
  s.gitops.path = 'clusters/hostile/olsontech';
  return s;
};
const sealed = () => {
  const s = exampleInstanceSpec(
    'hiroba',
    'flux',
    'sealed-secrets',
    'mail-hostile',
  ) as Spec;
  s.gitops.path = 'clusters/hostile/sealed';
  return s;
};

const DNS_LABEL_RULE = /must be a DNS-1123 label of at most \d+ characters/;
const FQDN_RULE = /must be a fully qualified lower-case ASCII host name/;
const HOST_RULE = /must be a host name or IP address/;
const PATH_RULE =
  /must be a relative POSIX path without "\.\.", "\." or empty segments, a leading "\/" or a backslash/;
const CIDR_RULE = /must be an IPv4 or IPv6 network in CIDR notation/;
const PORT_RULE = /must be an integer port between 1 and 65535/;
const URL_RULE =
  /must be a https( or http)? URL without credentials, query or fragment/;
const TOO_MANY = (n: number, what: string) =>
  new RegExp(`must (list|have) at most ${n} ${what}`);
const ENUM = (...options: string[]) =>
  new RegExp(`must be one of ${options.join(', ')}`);

/** The hand-written rows: every input class of the issue, with the refusal each must get. */
export function hostileCases(): HostileCase[] {
  const CYRILLIC_A = '\u0430';
  const CYRILLIC_E = '\u0435';
  const GREEK_O = '\u03bf';
  const rows: HostileCase[] = [];
  const add = (
    inputClass: string,
    title: string,
    edit: (spec: Spec) => void,
    field: string,
    rule: RegExp,
    base?: Spec,
  ) => rows.push(specCase(inputClass, title, edit, field, rule, base));

  // Unicode look-alikes: a reviewer reads "mail", the cluster routes something else.
  add(
    'homoglyph',
    'a Cyrillic "а" in the release name',
    s => (s.name = `m${CYRILLIC_A}il-prod`),
    'name',
    DNS_LABEL_RULE,
  );
  add(
    'homoglyph',
    'a Cyrillic "а" in a DNS label of the host name',
    s => (s.hostname = `m${CYRILLIC_A}il.example.com`),
    'hostname',
    FQDN_RULE,
  );
  add(
    'homoglyph',
    'a Cyrillic "е" in the namespace',
    s => (s.namespace = `mail-${CYRILLIC_E}dge`),
    'namespace',
    DNS_LABEL_RULE,
  );
  add(
    'homoglyph',
    'a Cyrillic "е" in the relay host',
    s => (s.relay.host = `smtp.r${CYRILLIC_E}send.com`),
    'relay.host',
    HOST_RULE,
  );
  add(
    'homoglyph',
    'a Greek "ο" in the HTTP host name',
    s => (s.http.hostname = `webmail.example.c${GREEK_O}m`),
    'http.hostname',
    FQDN_RULE,
  );
  add(
    'homoglyph',
    'a fullwidth dot in the host name',
    s => (s.hostname = 'mail\uff0eexample.com'),
    'hostname',
    FQDN_RULE,
  );
  add(
    'homoglyph',
    'a zero-width space in the release name',
    s => (s.name = 'mail\u200b-prod'),
    'name',
    DNS_LABEL_RULE,
  );
  add(
    'homoglyph',
    'a Cyrillic "е" in the TLS issuer',
    s => (s.tls.issuer = `l${CYRILLIC_E}tsencrypt-dns`),
    'tls.issuer',
    /must be a Kubernetes object name/,
  );
  add(
    'homoglyph',
    'a Cyrillic "а" in the Secret name',
    s => (s.secrets.name = `m${CYRILLIC_A}il-secrets`),
    'secrets.name',
    /must be a Kubernetes object name/,
  );
  add(
    'homoglyph',
    'a right-to-left override in the Gateway name',
    s => (s.http.parentRefs[0].name = 'gateway\u202edefault'),
    'http.parentRefs.0.name',
    /must be a Kubernetes object name/,
  );

  // Over-long names: DNS labels stop at 63 characters, host names at 253.
  add(
    'over-long',
    'a 64-character release name',
    s => (s.name = 'm'.repeat(64)),
    'name',
    DNS_LABEL_RULE,
  );
  add(
    'over-long',
    'a release name longer than the chart can derive names from',
    s => (s.name = 'm'.repeat(44)),
    'name',
    /must be a DNS-1123 label of at most 43 characters/,
  );
  add(
    'over-long',
    'a 64-character namespace',
    s => (s.namespace = 'n'.repeat(64)),
    'namespace',
    DNS_LABEL_RULE,
  );
  add(
    'over-long',
    'a 64-character label in the host name',
    s => (s.hostname = `${'h'.repeat(64)}.example.com`),
    'hostname',
    FQDN_RULE,
  );
  add(
    'over-long',
    'a 254-character host name of valid labels',
    s =>
      (s.hostname = `${Array(4).fill('h'.repeat(61)).join('.')}.example.com`),
    'hostname',
    FQDN_RULE,
  );
  add(
    'over-long',
    'a one-megabyte host name',
    s => (s.hostname = `${'h'.repeat(1 << 20)}.com`),
    'hostname',
    FQDN_RULE,
  );
  add(
    'over-long',
    'a 254-character Secret name',
    s =>
      (s.secrets.name = Array(4)
        .fill('s'.repeat(63))
        .join('.')
        .padEnd(254, 's')),
    'secrets.name',
    /must be a Kubernetes object name/,
  );
  add(
    'over-long',
    'a 201-character gitops.path',
    s => (s.gitops.path = `clusters/${'p'.repeat(192)}`),
    'gitops.path',
    PATH_RULE,
  );

  // Path traversal in gitops.path: the folder must stay inside the fleet repository.
  for (const path of [
    '../escape',
    'clusters/../../etc',
    '/etc/stalwart',
    '..\\..\\windows',
    'clusters\\prod\\mail',
    '%2e%2e/%2e%2e/etc',
    'clusters/%2e%2e/%2e%2e',
    '..%2f..%2fetc',
    './clusters/prod',
    'clusters/./prod',
    'clusters//prod',
    'clusters/prod/',
    '.git/hooks',
    '~/fleet',
    'C:\\fleet',
    'clusters/\u2024\u2024/prod',
    'clusters/prod\u0000/x',
    '',
  ]) {
    add(
      'path traversal',
      `gitops.path ${JSON.stringify(path)}`,
      s => (s.gitops.path = path),
      'gitops.path',
      PATH_RULE,
    );
  }

  // Networks that are not networks.
  for (const [field, values, base] of [
    [
      'proxy.trustedNetworks',
      [
        '10.0.0.0/33',
        '300.1.1.1/8',
        'fe80::/129',
        '10.0.0.0',
        '10.0.0.0/-1',
        '10.0.0.0/8,0.0.0.0/0',
        '10.0.0.0/8 ',
        '0x0a.0.0.0/8',
        '::ffff:300.0.0.0/104',
        '1.2.3/8',
        'fe80:::1/64',
      ],
      baseSpec(),
    ],
    [
      'networkPolicy.allowedCidrs',
      ['10.0.0.0/33', 'fe80::/129', 'any'],
      baseSpec(),
    ],
  ] as const) {
    for (const value of values) {
      add(
        'not a CIDR',
        `${field} [${JSON.stringify(value)}]`,
        s => setAt(s, field.split('.'), [value]),
        `${field}.0`,
        CIDR_RULE,
        base,
      );
    }
  }
  for (const value of ['300.1.1.1', '1.2.3.4/33', '10.0.0.1 ', '*']) {
    add(
      'not a CIDR',
      `proxy.allowedIps [${JSON.stringify(value)}]`,
      s => (s.proxy.allowedIps = [value]),
      'proxy.allowedIps.0',
      /must be an IP address or a CIDR network/,
    );
  }

  // Ports out of range or not integers.
  for (const value of [0, 65536, -1, 1.5, Number.MAX_SAFE_INTEGER + 2]) {
    add(
      'port out of range',
      `relay.port ${value}`,
      s => (s.relay.port = value),
      'relay.port',
      PORT_RULE,
    );
  }
  for (const value of [0, 65536, -1, 1.5]) {
    add(
      'port out of range',
      `storage.postgresql.port ${value}`,
      s => (s.storage.postgresql.port = value),
      'storage.postgresql.port',
      PORT_RULE,
      antigenic(),
    );
  }
  for (const endpoint of [
    'https://minio.storage.svc:0',
    'https://minio.storage.svc:65536',
    'https://minio.storage.svc:-1',
    'https://minio.storage.svc:1.5',
  ]) {
    add(
      'port out of range',
      `storage.s3.endpoint ${endpoint}`,
      s => (s.storage.s3.endpoint = endpoint),
      'storage.s3.endpoint',
      URL_RULE,
      antigenic(),
    );
  }
  add(
    'port out of range',
    'relay.port as a string',
    s => (s.relay.port = '587'),
    'relay.port',
    /must be a number, not string/,
  );

  // Unknown chart flavor, engine and other enumerations.
  const charts = CHART_FLAVOR_IDS as readonly string[];
  for (const chart of [
    'bitnami',
    'Antigenic',
    'hiroba ',
    '',
    'stalwart/stalwart',
  ]) {
    add(
      'unknown chart or engine',
      `chart ${JSON.stringify(chart)}`,
      s => (s.chart = chart),
      'chart',
      ENUM(...charts),
    );
  }
  for (const engine of ['fleet', 'Flux', 'argo-cd', 'kubectl']) {
    add(
      'unknown chart or engine',
      `gitops.engine ${JSON.stringify(engine)}`,
      s => (s.gitops.engine = engine),
      'gitops.engine',
      ENUM('flux', 'argocd'),
    );
  }
  add(
    'unknown chart or engine',
    'secrets.provider "vault"',
    s => (s.secrets.provider = 'vault'),
    'secrets.provider',
    ENUM('existing', 'external-secrets', 'sealed-secrets'),
  );
  add(
    'unknown chart or engine',
    'storage.data "mysql"',
    s => (s.storage.data = 'mysql'),
    'storage.data',
    ENUM('rocksdb', 'postgresql', 'foundationdb'),
  );
  add(
    'unknown chart or engine',
    'service.type "ExternalName"',
    s => (s.service = { type: 'ExternalName' }),
    'service.type',
    ENUM('LoadBalancer', 'NodePort', 'ClusterIP'),
  );

  // Huge arrays and maps: refused by their bound, not by exhausting the backend.
  const many = <T>(n: number, f: (i: number) => T) =>
    Array.from({ length: n }, (_, i) => f(i));
  const cidrOf = (i: number) => `10.${(i >> 8) & 255}.${i & 255}.0/24`;
  add(
    'huge array',
    '10,000 trusted networks',
    s => (s.proxy.trustedNetworks = many(10_000, cidrOf)),
    'proxy.trustedNetworks',
    TOO_MANY(64, 'networks'),
  );
  add(
    'huge array',
    '10,000 allow-listed addresses',
    s => (s.proxy.allowedIps = many(10_000, cidrOf)),
    'proxy.allowedIps',
    TOO_MANY(256, 'entries'),
  );
  add(
    'huge array',
    '10,000 NetworkPolicy networks',
    s =>
      (s.networkPolicy = { enabled: true, allowedCidrs: many(10_000, cidrOf) }),
    'networkPolicy.allowedCidrs',
    TOO_MANY(64, 'networks'),
  );
  add(
    'huge array',
    '10,000 parent Gateways',
    s => (s.http.parentRefs = many(10_000, i => ({ name: `gw-${i}` }))),
    'http.parentRefs',
    TOO_MANY(8, 'parent Gateways'),
  );
  add(
    'huge array',
    '10,000 NATS servers',
    s =>
      (s.cluster.nats.addresses = many(
        10_000,
        i => `nats://nats-${i}.nats.svc:4222`,
      )),
    'cluster.nats.addresses',
    TOO_MANY(8, 'NATS servers'),
    olsontech(),
  );
  add(
    'huge array',
    '10,000 Service annotations',
    s =>
      (s.service = {
        annotations: Object.fromEntries(
          many(10_000, i => [`example.com/a${i}`, 'x']),
        ),
      }),
    'service.annotations',
    TOO_MANY(32, 'annotations'),
  );
  add(
    'huge array',
    '10,000 sealed keys',
    s =>
      Object.assign(
        s.secrets.sealedSecrets.encryptedData,
        Object.fromEntries(
          many(10_000, i => [`KEY_${i}`, `AgB${'y'.repeat(80)}==`]),
        ),
      ),
    'secrets.sealedSecrets.encryptedData',
    TOO_MANY(32, 'keys'),
    sealed(),
  );
  add(
    'huge array',
    '10,000 invalid trusted networks',
    s => (s.proxy.trustedNetworks = many(10_000, i => `10.0.0.${i}/33`)),
    'proxy.trustedNetworks',
    TOO_MANY(64, 'networks'),
  );

  // Wrong types.
  add(
    'wrong type',
    'replicas as a string',
    s => (s.replicas = '1'),
    'replicas',
    /must be a number, not string/,
  );
  add(
    'wrong type',
    'replicas 1.5',
    s => (s.replicas = 1.5),
    'replicas',
    /must be an integer/,
  );
  add(
    'wrong type',
    'replicas 10,000',
    s => (s.replicas = 10_000),
    'replicas',
    /must be at most 16/,
  );
  add(
    'wrong type',
    'the name as a number',
    s => (s.name = 42),
    'name',
    /must be a string, not number/,
  );
  add(
    'wrong type',
    'tls as a string',
    s => (s.tls = 'letsencrypt'),
    'tls',
    /must be an object, not string/,
  );
  add(
    'wrong type',
    'gitops as an array',
    s => (s.gitops = []),
    'gitops',
    /must be an object, not array/,
  );
  add(
    'wrong type',
    'trusted networks as one string',
    s => (s.proxy.trustedNetworks = '10.0.0.0/8'),
    'proxy.trustedNetworks',
    /must be an array, not string/,
  );
  add(
    'wrong type',
    'update as "yes"',
    s => (s.update = 'yes'),
    'update',
    /must be a boolean, not string/,
  );
  add(
    'wrong type',
    'a port switch as 1',
    s => (s.service = { ports: { smtp: 1 } }),
    'service.ports.smtp',
    /must be a boolean, not number/,
  );
  add(
    'wrong type',
    'an unknown top-level field',
    s => (s.values = { extraEnv: [] }),
    'values',
    /is not a known field/,
  );
  add(
    'wrong type',
    'a __proto__ key (prototype pollution)',
    s =>
      Object.defineProperty(s, '__proto__', {
        value: { polluted: true },
        enumerable: true,
      }),
    '__proto__',
    /is not a known field/,
  );
  add(
    'wrong type',
    'a constructor key in tls',
    s => (s.tls.constructor = { prototype: {} }),
    'tls.constructor',
    /is not a known field/,
  );
  add(
    'wrong type',
    'the hostname missing',
    s => delete s.hostname,
    'hostname',
    /is required/,
  );
  rows.push(
    {
      inputClass: 'wrong type',
      title: 'a null spec',
      inputs: { spec: null },
      step: 'stalwart:spec:validate',
      field: '(spec)',
      rule: /must be an object, not null/,
    },
    {
      inputClass: 'wrong type',
      title: 'a YAML string instead of a spec',
      inputs: { spec: 'name: mail\nchart: hiroba' },
      step: 'stalwart:spec:validate',
      field: '(spec)',
      rule: /must be an object, not string/,
    },
    {
      inputClass: 'wrong type',
      title: 'an array instead of a spec',
      inputs: { spec: [baseSpec()] },
      step: 'stalwart:spec:validate',
      field: '(spec)',
      rule: /must be an object, not array/,
    },
  );

  // The template's other inputs.
  const tpl = (
    title: string,
    extra: Partial<TemplateInputs>,
    step: StepId,
    field: string,
    rule: RegExp,
  ) =>
    rows.push({
      inputClass: 'template input',
      title,
      inputs: {
        spec: baseSpec(),
        owner: 'group:default/mail-admins',
        ...extra,
      },
      step,
      field,
      rule,
    });
  const ENTITY_REF = /must be an entity reference such as/;
  tpl(
    'an owner carrying a YAML key',
    { owner: 'group:default/mail\nkind: Secret' },
    'stalwart:catalog:render',
    'owner',
    ENTITY_REF,
  );
  tpl(
    'an owner with a Cyrillic letter',
    { owner: `group:default/m${CYRILLIC_A}il` },
    'stalwart:catalog:render',
    'owner',
    ENTITY_REF,
  );
  tpl(
    'an owner that traverses',
    { owner: 'group:default/../admins' },
    'stalwart:catalog:render',
    'owner',
    ENTITY_REF,
  );
  tpl(
    'a system with a quote',
    { system: 'system:default/mail"\nspec: {}' },
    'stalwart:catalog:render',
    'system',
    ENTITY_REF,
  );
  tpl(
    'a cluster name carrying a YAML key',
    { clusters: ['homelab\nkind: Secret'] },
    'stalwart:catalog:render',
    'clusters.0',
    /must be/,
  );
  tpl(
    'a cluster name with a comma (the annotation is comma-separated)',
    { clusters: ['homelab,prod'] },
    'stalwart:catalog:render',
    'clusters.0',
    /must be/,
  );
  tpl(
    '10,000 cluster names',
    { clusters: Array.from({ length: 10_000 }, (_, i) => `c${i}`) },
    'stalwart:catalog:render',
    'clusters',
    /must list at most/,
  );
  tpl(
    'a targetPath outside the workspace',
    { targetPath: '../outside' },
    'stalwart:values:render',
    'targetPath',
    /must be/,
  );
  tpl(
    'an absolute targetPath',
    { targetPath: '/etc/stalwart' },
    'stalwart:values:render',
    'targetPath',
    /must be/,
  );
  tpl(
    'a sourcePath outside the workspace',
    { sourcePath: '../../' },
    'stalwart:publish:local',
    'sourcePath',
    /must be/,
  );
  return rows;
}

/** Fields whose values are free text by Kubernetes' design: only control characters are refused. */
const FREE_TEXT = /^(service|http)\.annotations\./;

/**
 * Every injection payload in every string of the spec (values and map keys), each expecting a
 * refusal that names that field.
 */
export function injectionCases(): HostileCase[] {
  const seen = new Set<string>();
  const rows: HostileCase[] = [];
  for (const full of fullSpecs()) {
    for (const leaf of stringLeaves(full)) {
      const at = dotted(leaf.path);
      if (seen.has(`${leaf.key}:${at}`)) continue;
      seen.add(`${leaf.key}:${at}`);
      for (const [how, inject] of INJECTIONS) {
        const spec = clone(full);
        spec.gitops.path = 'clusters/hostile/injected';
        const original = leaf.key
          ? String(leaf.path[leaf.path.length - 1])
          : (leaf.path.reduce((o: any, k) => o[k], full) as string);
        const injected = inject(original);
        if (!leaf.key && FREE_TEXT.test(at) && !/\p{Cc}/u.test(injected))
          continue;
        if (leaf.key) renameKey(spec, leaf.path, injected);
        else setAt(spec, leaf.path, injected);
        rows.push({
          inputClass: 'YAML/TOML injection',
          title: `${how} in ${leaf.key ? 'a key of ' : ''}${
            leaf.key ? dotted(leaf.path.slice(0, -1)) : at
          }`,
          inputs: { spec },
          step: 'stalwart:spec:validate',
          field: leaf.key ? dotted([...leaf.path.slice(0, -1), injected]) : at,
          rule: /must|is not/,
        });
      }
    }
  }
  return rows;
}
