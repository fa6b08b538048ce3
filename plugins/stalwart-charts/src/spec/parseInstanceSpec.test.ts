import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import { CHART_FLAVOR_IDS } from '../charts';
import { assertInstanceSpec } from './assertInstanceSpec';
import { exampleInstanceSpec } from './examples';
import { formatSpecProblems, parseInstanceSpec } from './parseInstanceSpec';

const base = () => exampleInstanceSpec('antigenic') as Record<string, any>;

/** The problem lines for a spec changed by `edit`. */
function problemsOf(
  edit: (spec: Record<string, any>) => void,
  spec = base(),
): string[] {
  edit(spec);
  const result = parseInstanceSpec(spec);
  return result.ok ? [] : formatSpecProblems(result.problems);
}

describe('parseInstanceSpec', () => {
  it.each(CHART_FLAVOR_IDS)(
    'accepts the %s example and applies the defaults',
    chart => {
      const result = parseInstanceSpec(exampleInstanceSpec(chart));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.spec.update).toBe(false);
      expect(result.spec.chartVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(result.spec.gitops.interval).toBe('30m');
      expect(result.spec.service.externalTrafficPolicy).toBeDefined();
    },
  );

  it('bounds the release name by what the chart derives from it', () => {
    expect(problemsOf(s => (s.name = 'a'.repeat(23)))).toContain(
      'name: must be a DNS-1123 label of at most 22 characters',
    );
    expect(problemsOf(s => (s.name = 'a'.repeat(22)))).toEqual([]);
    const hiroba = exampleInstanceSpec('hiroba') as Record<string, any>;
    expect(problemsOf(s => (s.name = 'a'.repeat(44)), hiroba)).toContain(
      'name: must be a DNS-1123 label of at most 43 characters',
    );
  });

  it.each(['Mail', 'mail_prod', '-mail', 'mail-', ''])(
    'refuses the release name %j',
    name => {
      expect(problemsOf(s => (s.name = name)).join('\n')).toMatch(
        /^name: must be a DNS-1123 label/m,
      );
    },
  );

  it.each([
    'mail.example.com\nevil.example.com',
    'mail example.com',
    'm\u0430il.example.com',
    'mail.example.com.',
    'localhost',
    'MAIL.EXAMPLE.COM',
  ])('refuses the hostname %j', hostname => {
    expect(problemsOf(s => (s.hostname = hostname)).join('\n')).toMatch(
      /^hostname: must be a fully qualified/m,
    );
  });

  it.each([
    '../mail',
    'clusters/../../etc',
    '/clusters/prod',
    'clusters\\prod',
    'clusters//prod',
    './clusters',
    'clusters/prod/',
  ])('refuses the gitops path %j', path => {
    expect(problemsOf(s => (s.gitops.path = path)).join('\n')).toMatch(
      /^gitops\.path: must be a relative POSIX path/m,
    );
  });

  it('validates CIDRs in both address families', () => {
    expect(
      problemsOf(
        s => (s.proxy.trustedNetworks = ['10.0.0.0/8', 'fd00::/8', '::/0']),
      ),
    ).toEqual([]);
    for (const bad of [
      '10.0.0.0/33',
      '10.0.0/8',
      '256.0.0.0/8',
      'fd00::/129',
      '1:2:3:4:5:6:7:8:9/64',
      '10.0.0.0',
    ]) {
      expect(problemsOf(s => (s.proxy.trustedNetworks = [bad]))).toEqual([
        'proxy.trustedNetworks.0: must be an IPv4 or IPv6 network in CIDR notation',
      ]);
    }
  });

  it.each([0, 65536, 1.5])('refuses the port %p', value => {
    expect(problemsOf(s => (s.storage.postgresql.port = value))).toEqual([
      'storage.postgresql.port: must be an integer port between 1 and 65535',
    ]);
  });

  it('bounds list lengths', () => {
    const many = Array.from(
      { length: 257 },
      (_, i) => `10.0.${i >> 8}.${i & 255}`,
    );
    expect(problemsOf(s => (s.proxy.allowedIps = many))).toEqual([
      'proxy.allowedIps: must list at most 256 entries',
    ]);
  });

  it('refuses unknown keys at every level', () => {
    expect(
      problemsOf(s => {
        s.password = 'x';
        s.tls.foo = 1;
      }),
    ).toEqual([
      'password: is not a known field',
      'tls.foo: is not a known field',
    ]);
  });

  it('names missing required fields', () => {
    expect(problemsOf(s => delete s.hostname)).toEqual([
      'hostname: is required',
    ]);
    expect(problemsOf(s => (s.gitops.engine = 'fleet'))).toEqual([
      'gitops.engine: must be one of flux, argocd',
    ]);
  });

  it.each([
    [
      'service.annotations',
      (s: any) =>
        (s.service = {
          annotations: {
            'example.com/token': 'ghp_abcdefghijklmnopqrstuvwxyz0123',
          },
        }),
    ],
    [
      'storage.s3.endpoint',
      (s: any) =>
        (s.storage.s3.endpoint = 'https://admin:hunter2@minio.example.com'),
    ],
    [
      'secrets.externalSecrets.remoteKey',
      (s: any) =>
        (s.secrets.externalSecrets.remoteKey = 'Zx8fQ2mN7pL4vR9tK3wY6bH1'),
    ],
    [
      'http.annotations',
      (s: any) =>
        (s.http.annotations = { 'a.io/cert': '-----BEGIN PRIVATE KEY-----' }),
    ],
  ])('refuses a secret-looking value in %s', (path, edit) => {
    expect(problemsOf(edit).join('\n')).toMatch(
      new RegExp(
        `^${path.replace(/\./g, '\\.')}.*: must not contain a secret value`,
        'm',
      ),
    );
  });

  it.each([
    'internal\nkind: Secret',
    'a\r\nb: c',
    'tab\tseparated',
    'line\u2028separator',
  ])(
    'refuses the annotation value %j: a value must stay on one line',
    value => {
      expect(
        problemsOf(
          s => (s.service = { annotations: { 'example.com/x': value } }),
        ),
      ).toContain(
        'service.annotations.example.com/x: must be a single line without control characters',
      );
      expect(
        problemsOf(s => (s.http.annotations = { 'example.com/x': value })),
      ).toContain(
        'http.annotations.example.com/x: must be a single line without control characters',
      );
    },
  );

  it('refuses annotations the chosen chart or HTTP mode would silently drop', () => {
    const olsontech = exampleInstanceSpec('olsontech') as Record<string, any>;
    expect(
      problemsOf(
        s =>
          (s.service = {
            annotations: { 'service.beta.kubernetes.io/lb-internal': 'true' },
          }),
        olsontech,
      ),
    ).toEqual([
      'service.annotations: is not supported by the olsontech chart, whose Service takes no annotations',
    ]);
    expect(
      problemsOf(s => (s.http = { annotations: { 'example.com/x': 'y' } })),
    ).toEqual([
      'http.annotations: is only used when http.mode is ingress or gateway',
    ]);
    expect(
      problemsOf(s => (s.http.annotations = { 'example.com/x': 'y' })),
    ).toEqual([
      "http.annotations: is not supported by the antigenic chart's HTTPRoute, which takes no annotations",
    ]);
  });

  it('keeps quotes, colons and non-ASCII text in annotation values: YAML quotes them', () => {
    expect(
      problemsOf(
        s =>
          (s.service = {
            annotations: { 'example.com/x': `it's "quoted": {a: 1} – ünïcode` },
          }),
      ),
    ).toEqual([]);
  });

  it('refuses a secret-looking key beside the sealed ciphertexts: keys are committed in plain text', () => {
    const sealed = exampleInstanceSpec(
      'hiroba',
      'flux',
      'sealed-secrets',
    ) as Record<string, any>;
    const key = 'Zx8fQ2mN7pL4vR9tK3wY6bH1';
    sealed.secrets.sealedSecrets.encryptedData[key] = `AgB${'x'.repeat(80)}==`;
    expect(problemsOf(() => undefined, sealed)).toEqual([
      `secrets.sealedSecrets.encryptedData.${key}: must not contain a secret value (looks like a high-entropy token); reference it through secrets.name instead`,
    ]);
  });

  it('lets sealed ciphertext through but requires every key the chart reads', () => {
    const sealed = exampleInstanceSpec(
      'antigenic',
      'flux',
      'sealed-secrets',
    ) as Record<string, any>;
    expect(problemsOf(() => undefined, sealed)).toEqual([]);
    expect(
      problemsOf(
        s => delete s.secrets.sealedSecrets.encryptedData.REDIS_URL,
        sealed,
      ),
    ).toEqual([
      'secrets.sealedSecrets.encryptedData.REDIS_URL: must be present: the chart reads this key',
    ]);
  });

  it('refuses what the chosen chart cannot express', () => {
    expect(problemsOf(s => (s.relay = { host: 'smtp.resend.com' }))).toEqual([
      'relay: is not supported by the antigenic chart: its config.toml has no relay settings; configure it in the web admin',
    ]);
    const olson = exampleInstanceSpec('olsontech') as Record<string, any>;
    expect(problemsOf(s => delete s.image.repository, olson)).toEqual([
      'image.repository: is required: the official image has no FoundationDB support (build Dockerfile.fdb)',
    ]);
    const kgrubb = exampleInstanceSpec('kgrubb') as Record<string, any>;
    expect(problemsOf(s => (s.replicas = 2), kgrubb)).toEqual([
      'replicas: must be 1 with RocksDB: it is a single-writer store on a ReadWriteOnce volume',
    ]);
    expect(problemsOf(s => (s.service = { ports: { pop3: true } }))).toEqual([
      'service.ports.pop3: the antigenic chart has no pop3 listener',
    ]);
  });

  it('requires exactly one way to get the certificate', () => {
    expect(problemsOf(s => (s.tls = {}))).toEqual([
      'tls.issuer: is required unless tls.secretName names an existing TLS Secret',
    ]);
    expect(
      problemsOf(s => (s.tls = { issuer: 'le', secretName: 'mail-tls' })),
    ).toEqual(['tls.secretName: must not be set together with tls.issuer']);
  });

  it('refuses any non-ASCII hostname', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,8}$/),
        fc.integer({ min: 0x80, max: 0xffff }),
        (label, code) => {
          const hostname = `${label}${String.fromCharCode(code)}.example.com`;
          expect(
            problemsOf(spec => (spec.hostname = hostname)).join('\n'),
          ).toMatch(/^hostname:/m);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('assertInstanceSpec', () => {
  it('throws an InputError listing every problem by field', () => {
    const spec = base();
    spec.namespace = 'Mail';
    spec.replicas = 0;
    expect(() => assertInstanceSpec(spec)).toThrow(InputError);
    expect(() => assertInstanceSpec(spec)).toThrow(
      /namespace: must be a DNS-1123 label of at most 63 characters\nreplicas: must be at least 1/,
    );
  });
});
