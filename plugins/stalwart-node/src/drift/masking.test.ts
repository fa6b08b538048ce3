import {
  SERVER_INSERTED_SAMPLE,
  findDocument,
  readDocuments,
  settingsListV015,
  type SimulatedV015,
} from './__testUtils__/demoScenario';
import { classifyDriftV015 } from './v015/classifyDriftV015';
import { planRemediationV015 } from './v015/planRemediationV015';
import { classifyDriftV016 } from './v016/classifyDriftV016';
import { planRemediationV016 } from './v016/planRemediationV016';
import { edgeInput } from './__testUtils__/edgeDemo';
import { toDriftResponseV1 } from './response';
import { isSecretLikeKey } from './masking';
import type { DriftReport } from './types';

// Decoys in every place a secret can sit (issue 7 "Secrets"; stalwart-v015.md §2.6: the API
// masks nothing): secret-like keys in the file, the database and a pod's file edit, a PEM
// block under an innocent key, credentials in a URL, and the scenario's own secrets.
const DECOYS = {
  'queue.route.decoy.auth.secret': 'decoy-auth-secret-4711',
  'store.pg.password': 'decoy-store-password-4712',
  'enterprise.license-key': 'decoy-license-key-4713',
  'webhook.hook.token': 'decoy-webhook-token-4714',
  'lookup.remote.url': 'https://user:decoy-url-pass-4715@lists.example.com/x',
  'report.decoy.note':
    '-----BEGIN PRIVATE KEY-----\nMIIEdecoy4716\n-----END PRIVATE KEY-----\n',
  'session.decoy.api-key': 'sk_live_decoy4717ABCDEFGHIJKLMNOP',
};
const demo = findDocument(
  readDocuments('homelab/config.yaml'),
  'StalwartServer',
).spec;
const scenarioSecrets = [
  ...Object.values<string>(demo.env),
  ...Object.values<string>(demo.files),
  ...demo.principals.map((p: any) => p.secret),
  demo.database['queue.route.resend.auth.secret'],
  SERVER_INSERTED_SAMPLE['oauth.key'],
  're_demo_edge_resend_key',
];
const everySecret = [...Object.values(DECOYS), ...scenarioSecrets];

const configToml = `
[store."pg"]
password = "${DECOYS['store.pg.password']}"
[enterprise]
license-key = "${DECOYS['enterprise.license-key']}"
[authentication.fallback-admin]
secret = "%{env:ADMIN_SECRET}%"
[queue.route.decoy.auth]
secret = "changed-in-git-4718"
`;
const pods = ['mail-0', 'mail-1'];
const simulated: SimulatedV015 = {
  database: {
    ...demo.database,
    ...SERVER_INSERTED_SAMPLE,
    'queue.route.decoy.auth.secret': DECOYS['queue.route.decoy.auth.secret'],
    'webhook.hook.token': DECOYS['webhook.hook.token'],
    'lookup.remote.url': DECOYS['lookup.remote.url'],
    'report.decoy.note': DECOYS['report.decoy.note'],
    'session.decoy.api-key': DECOYS['session.decoy.api-key'],
  },
  pods: pods.map((name, i) => ({
    name,
    substitutions: {},
    // An edit through the admin UI replaced the reference with the literal it stood for.
    fileEdits: Object.fromEntries(
      i === 1
        ? [
            [
              'authentication.fallback-admin.secret',
              String(demo.env.ADMIN_SECRET),
            ],
          ]
        : [],
    ),
  })),
};

function everyOutput(report: DriftReport, plan: (ids: string[]) => unknown) {
  const ids = report.items.map(i => i.id);
  const meta = {
    entityRef: 'component:default/x',
    cluster: 'c',
    instance: { release: 'x', namespace: 'x' },
    fetchedAt: new Date(0),
    includeHidden: true,
  };
  return JSON.stringify([report, toDriftResponseV1(report, meta), plan(ids)]);
}

describe('drift masking', () => {
  it('names secret-like keys the way the issue lists them', () => {
    expect(Object.keys(DECOYS).filter(isSecretLikeKey)).toEqual([
      'queue.route.decoy.auth.secret',
      'store.pg.password',
      'enterprise.license-key',
      'webhook.hook.token',
      'session.decoy.api-key',
    ]);
    expect(isSecretLikeKey('queue.limiter.inbound.ip.key')).toBe(false);
    expect(isSecretLikeKey('oauth.key')).toBe(true);
  });

  it('lets no v0.15 secret reach the report, the response or a plan, while still seeing them differ', () => {
    const report = classifyDriftV015({
      configToml,
      pods: pods.map(name => ({
        name,
        settings: settingsListV015(configToml, simulated, name),
      })),
    });
    const output = everyOutput(report, itemIds =>
      planRemediationV015(report, 'reset-to-git', {
        itemIds,
        workload: { kind: 'StatefulSet', namespace: 'x', name: 'x' },
        now: new Date(0),
      }),
    );
    for (const secret of [...everySecret, 'changed-in-git-4718'])
      expect(output).not.toContain(secret.trim());
    // The file sets this non-local key, so it wins and the database decoy is invisible (§2.1).
    expect(
      report.items.find(i => i.key === 'queue.route.decoy.auth.secret'),
    ).toMatchObject({ class: 'in-sync', masked: true });
    expect(
      report.items.find(i => i.key === 'webhook.hook.token'),
    ).toMatchObject({ class: 'database-only-user', masked: true });
    expect(
      report.items.find(
        i =>
          i.key === 'authentication.fallback-admin.secret' &&
          i.class === 'changed-live',
      ),
    ).toMatchObject({
      declared: '%{env:ADMIN_SECRET}%',
      masked: true,
      pods: [{ name: 'mail-1' }],
    });
  });

  it('lets no v0.16 secret through even from a server that returned it unmasked', () => {
    const report = classifyDriftV016(edgeInput(false));
    const output = everyOutput(report, itemIds =>
      planRemediationV016(report, 'reset-to-git', {
        itemIds,
        workload: { kind: 'StatefulSet', namespace: 'x', name: 'x' },
        now: new Date(0),
      }),
    );
    expect(output).not.toContain('re_demo_edge_resend_key');
    expect(output).not.toContain('demo-edge-postgres');
  });
});
