import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../bin/stalwart-gitops');
const DEMO_FLEET = path.resolve(__dirname, '../../../examples/demo-fleet');

function cli(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: cwd },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const item = (id: string, extra: Record<string, unknown>) => ({
  id,
  group: id.split('/').slice(0, 2).join('/'),
  explanation: 'edited-in-registry',
  masked: false,
  pods: [],
  remediations: [],
  ...extra,
});

describe('stalwart-gitops adopt', () => {
  let dir: string;
  const planFile = () => path.join(dir, 'fleet/edge/mail/settings-plan.ndjson');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stalwart-adopt-'));
    fs.cpSync(DEMO_FLEET, path.join(dir, 'fleet'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'report.json'),
      JSON.stringify({
        apiVersion: 'v1',
        engine: 'v0.16',
        items: [
          item('x:SystemSettings/singleton/maxConnections', {
            class: 'changed-live',
            object: {
              type: 'x:SystemSettings',
              id: 'singleton',
              field: 'maxConnections',
            },
            declared: '8192',
            live: '20000',
          }),
          item('x:MtaRoute/resend/authSecret', {
            class: 'changed-live',
            object: {
              type: 'x:MtaRoute',
              id: 'r1',
              naturalKey: 'resend',
              field: 'authSecret',
            },
            masked: true,
          }),
        ],
      }),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the live value of a v0.16 item into the settings plan and prints the diff', () => {
    const before = fs.readFileSync(planFile(), 'utf8');
    const run = cli(
      dir,
      'adopt',
      '--spec',
      'fleet/mail-edge.spec.yaml',
      '--from-live',
      'report.json',
      '--out',
      'fleet',
      '--item',
      'x:SystemSettings/singleton/maxConnections',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '+{"@type":"update","object":"SystemSettings","value":{"defaultHostname":"mail.edge.example.org","maxConnections":20000}}',
    );
    const after = fs.readFileSync(planFile(), 'utf8');
    expect(after).not.toBe(before);
    expect(after.split('\n').filter(l => !before.includes(l))).toHaveLength(1);
  });

  it('refuses the masked secret, names it, and writes nothing with --dry-run', () => {
    const before = fs.readFileSync(planFile(), 'utf8');
    const run = cli(
      dir,
      'adopt',
      '--spec',
      'fleet/mail-edge.spec.yaml',
      '--from-live',
      'report.json',
      '--out',
      'fleet',
      '--dry-run',
    );
    expect(run.stderr).toContain('refused x:MtaRoute/resend/authSecret: ');
    expect(run.stdout).toContain('(dry run:');
    expect(fs.readFileSync(planFile(), 'utf8')).toBe(before);
  });
});
