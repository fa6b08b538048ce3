import fs from 'node:fs';
import path from 'node:path';
import { parseStalwartToml } from './parseStalwartToml';
import { writeStalwartToml } from './writeStalwartToml';
import { normaliseConfigKeys } from './normaliseConfigKeys';

// The chart's init container replaces __NODE_ID__ with the pod ordinal (stalwart-v015.md §4).
const substituteNodeId = (toml: string, nodeId: number) =>
  toml.replace(/__NODE_ID__/g, String(nodeId));

const sharedRendered = path.resolve(
  __dirname,
  '../../../../../shared/reference/charts/antigenic/rendered/configmap-config.toml',
);

function expectRoundTrip(toml: string) {
  const parsed = parseStalwartToml(toml);
  const rewritten = parseStalwartToml(writeStalwartToml(parsed));
  expect(rewritten).toEqual(parsed);
  expect(normaliseConfigKeys(rewritten)).toEqual(normaliseConfigKeys(parsed));
  return parsed;
}

describe('a realistic rendered config (own fixture)', () => {
  const toml = fs.readFileSync(
    path.join(__dirname, '__fixtures__/homelab-config.toml'),
    'utf8',
  );

  it('flattens tables, arrays of tables, quoted segments and inline tables', () => {
    const config = expectRoundTrip(toml);
    expect(config).toMatchObject({
      'config.local-keys.0003': '!server.blocked-ip.*',
      'server.listener.http.bind': '[::]:8080',
      'server.listener.imaps.bind.0000': '[::]:993',
      'server.listener.submission.auth.require-tls': 'false',
      'server.allowed-ip.10.42.0.0/16': 'true',
      'session.auth.mechanisms.0001.else': 'false',
      'queue.strategy.route.0000.if': "is_local_domain('', rcpt_domain)",
      'queue.strategy.route.0001.else': "'resend'",
      'queue.route.resend.auth.secret': '%{env:RESEND_API_KEY}%',
      'sieve.trusted.limits.out-messages': '5',
      'sieve.trusted.greeting':
        'Hello from the homelab.\nMail for this address is handled by Stalwart.\n',
    });
  });
});

const describeShared = fs.existsSync(sharedRendered) ? describe : describe.skip;
if (!fs.existsSync(sharedRendered)) {
  // eslint-disable-next-line no-console
  console.warn(
    `NOTICE: ${sharedRendered} is absent; the shared round-trip test is skipped.`,
  );
}

describeShared(
  'the Antigenic chart rendered configmap-config.toml (shared reference)',
  () => {
    const rendered = fs.existsSync(sharedRendered)
      ? fs.readFileSync(sharedRendered, 'utf8')
      : '';

    it('does not load before the init container substitutes __NODE_ID__', () => {
      expect(() => parseStalwartToml(rendered)).toThrow(
        /Expected .* but found "_"/,
      );
    });

    it('round-trips for pod 2 after substitution, with macros kept as raw text', () => {
      const config = expectRoundTrip(substituteNodeId(rendered, 2));
      expect(config).toMatchObject({
        'cluster.node-id': '2',
        'server.listener.http.bind.0000': '[::]:8080',
        'store.postgresql.password': '%{env:POSTGRES_PASSWORD}%',
        'store.postgresql.pool.max-connections': '20',
        'certificate.default.private-key':
          '%{file:/opt/stalwart/certs/tls.key}%',
        'config.local-keys.0000': '!server.blocked-ip.*',
        'http.headers.0002': 'Server: Stalwart',
      });
      expect(Object.keys(config).length).toBeGreaterThan(80);
    });
  },
);
