import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

// Test tooling only ever runs from the monorepo's sources.
// eslint-disable-next-line no-restricted-syntax
const DEMO = path.resolve(__dirname, '../../../../simulator/scenarios/demo');

/** A unique, secret-shaped random string: mixed case and digits, so it reads as a key. */
export function decoy(tag: string): string {
  const random = randomBytes(18).toString('base64').replace(/[+/=]/g, '');
  return `Dc0y${tag}${random}Zq9`;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

type Doc = Record<string, any>;

function editFile(file: string, edit: (doc: Doc) => void) {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map(
    d => d.toJS() as Doc,
  );
  docs.forEach(edit);
  fs.writeFileSync(
    file,
    docs.map(d => stringify(d, { lineWidth: 0 })).join('---\n'),
  );
}

const pem = (kind: string, body: string) =>
  `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;

/**
 * The demo scenario with every secret replaced by a fresh decoy: the Stalwart credentials
 * Secrets (and the env they become, i.e. macro expansions), v0.15 settings ending in `secret`
 * or `password`, a DKIM private key, the TLS key file, a literal secret in config.toml, the
 * v0.16 registry's secret values and the recovery admin. The API keys the backend signs in
 * with stay as they are (they are grepped as well, from the demo).
 */
export function writeDecoyScenario() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-decoys-'));
  fs.cpSync(DEMO, dir, { recursive: true });
  const d = {
    adminSecret: decoy('Adm'),
    postgresPassword: decoy('Pg'),
    redisPassword: decoy('Rds'),
    prometheusSecret: decoy('Prm'),
    tlsKey: decoy('Tls'),
    relaySecret: decoy('Rly'),
    dkimKey: decoy('Dkim'),
    storePassword: decoy('Sto'),
    tomlLiteral: decoy('Toml'),
    edgePostgres: decoy('EPg'),
    edgeRecovery: decoy('ERec'),
    edgeRelay: decoy('ERly'),
  };
  const homelabEnv = {
    ADMIN_SECRET: d.adminSecret,
    POSTGRES_PASSWORD: d.postgresPassword,
    REDIS_URL: `redis://:${d.redisPassword}@redis.database.svc:6379`,
    PROMETHEUS_SECRET: d.prometheusSecret,
  };
  const edgeEnv = {
    POSTGRES_PASSWORD: d.edgePostgres,
    STALWART_RECOVERY_ADMIN: `admin:${d.edgeRecovery}`,
  };

  editFile(path.join(dir, 'homelab/workload.yaml'), doc => {
    if (doc?.kind === 'Secret' && doc.metadata.name === 'stalwart-secrets')
      doc.data = Object.fromEntries(
        Object.entries(homelabEnv).map(([k, v]) => [k, b64(v)]),
      );
  });
  editFile(path.join(dir, 'homelab/config.yaml'), doc => {
    if (doc?.kind === 'ConfigMap') {
      for (const key of Object.keys(doc.data ?? {}))
        doc.data[
          key
        ] += `\n[store."decoy-backup"]\npassword = "${d.tomlLiteral}"\n`;
    }
    if (doc?.kind !== 'StalwartServer') return;
    doc.spec.env = homelabEnv;
    doc.spec.files['/opt/stalwart/certs/tls.key'] = pem(
      'PRIVATE KEY',
      d.tlsKey,
    );
    Object.assign(doc.spec.database, {
      'queue.route.resend.auth.secret': d.relaySecret,
      'signature.rsa.private-key': pem('RSA PRIVATE KEY', d.dkimKey),
      'signature.rsa.domain': 'example.com',
      'store.backup-db.password': d.storePassword,
    });
  });
  editFile(path.join(dir, 'edge/workload.yaml'), doc => {
    if (doc?.kind === 'Secret' && doc.metadata.name === 'mail-stalwart-env')
      doc.data = Object.fromEntries(
        Object.entries(edgeEnv).map(([k, v]) => [k, b64(v)]),
      );
  });
  editFile(path.join(dir, 'edge/stalwart.yaml'), doc => {
    if (doc?.kind !== 'StalwartServer') return;
    doc.spec.env = { POSTGRES_PASSWORD: d.edgePostgres };
    doc.spec.recoveryAdmin = `admin:${d.edgeRecovery}`;
    doc.spec.registry['x:MtaRoute'].c1.authSecret = {
      '@type': 'Value',
      secret: d.edgeRelay,
    };
  });

  const values = Object.values(d);
  return {
    dir,
    /** Each decoy and the forms it could leak in: as is and base64-encoded. */
    decoys: values.flatMap(v => [v, b64(v)]),
    planted: values.length,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
