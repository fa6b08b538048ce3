import { mockCredentials } from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { demoSecretDecoys } from '../__testUtils__/demoSecrets';
import {
  DriftBackend,
  startDriftBackend,
} from '../__testUtils__/startDriftBackend';

jest.setTimeout(60_000);

// The official MCP client against the MCP endpoint of @backstage/plugin-mcp-actions-backend,
// which lists and calls the actions this plugin registers with the actions registry.
describe('Stalwart actions through the MCP endpoint', () => {
  let backend: DriftBackend;
  let decoys: string[];
  let fleetRepository: string;
  const texts: string[] = [];
  const MAX_CONNECTIONS = 'x:SystemSettings/singleton/maxConnections';

  const connect = async (userRef = 'user:default/ana') => {
    const { port } = backend.app.address() as AddressInfo;
    const client = new Client({ name: 'stalwart-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`http://127.0.0.1:${port}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: { Authorization: mockCredentials.user.header(userRef) },
          },
        },
      ),
    );
    return client;
  };
  const call = async (name: string, args: Record<string, unknown>) => {
    const client = await connect();
    try {
      const result: any = await client.callTool({
        name: `stalwart.${name}`,
        arguments: args,
      });
      const text = result.content.map((c: any) => c.text).join('\n');
      texts.push(text);
      return { ...result, text };
    } finally {
      await client.close();
    }
  };

  beforeAll(async () => {
    fleetRepository = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-fleet-'));
    // The demo's edge folder as the checked-in example holds it (the renderer's output, which
    // packages/backend/src/demoDrift.test.ts keeps it equal to).
    // eslint-disable-next-line no-restricted-syntax
    const example = path.resolve(
      __dirname,
      '../../../../examples/demo-fleet/edge/mail',
    );
    const repo = await LocalFleetRepository.open({
      dir: fleetRepository,
      defaultBranch: 'main',
    });
    await repo.propose({
      branch: 'main',
      folder: 'edge/mail',
      files: ['settings-plan.ndjson', 'values.yaml', 'application.yaml'].map(
        file => ({
          path: file,
          content: fs.readFileSync(path.join(example, file), 'utf8'),
        }),
      ),
      update: true,
      message: 'Seed the demo edge instance',
      author: { name: 't', email: 't@example.invalid' },
    });
    backend = await startDriftBackend({
      stalwart: { gitops: { localRepository: fleetRepository } },
      features: [mcpActionsPlugin],
      backendConfig: { actions: { pluginSources: ['stalwart'] } },
    });
    decoys = await demoSecretDecoys(backend.simulator);
  });
  afterEach(() => {
    for (const key of Object.keys(backend.decisions))
      delete backend.decisions[key];
  });
  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(fleetRepository, { recursive: true, force: true });
  });

  it('lists the five Stalwart tools with their read-only and destructive hints', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    await client.close();

    const stalwart = tools.filter(t => t.name.startsWith('stalwart.'));
    expect(
      stalwart
        .map(t => [
          t.name,
          t.annotations?.readOnlyHint,
          t.annotations?.destructiveHint,
        ])
        .sort(),
    ).toEqual([
      ['stalwart.get-instance-status', true, false],
      ['stalwart.get-settings-drift', true, false],
      ['stalwart.keep-live-value', false, false],
      ['stalwart.list-fleet', true, false],
      ['stalwart.reconcile-instance', false, true],
    ]);
  });

  it('answers get-instance-status for component:default/mail-edge with its verdict', async () => {
    const result = await call('get-instance-status', {
      entityRef: 'component:default/mail-edge',
    });

    expect(result.isError).toBeFalsy();
    const output = JSON.parse(result.text);
    expect(output.entityRef).toBe('component:default/mail-edge');
    expect(['healthy', 'warning', 'critical']).toContain(output.verdict.state);
    expect(output.verdict.reasons.length).toBeGreaterThan(0);
    expect(output.clusters[0].cluster).toBe('edge');
  });

  it('answers get-settings-drift with the drifted settings, the secret one masked', async () => {
    const result = await call('get-settings-drift', {
      entityRef: 'component:default/mail-edge',
    });

    const output = JSON.parse(result.text);
    expect(output.drifted.map((d: any) => d.id).sort()).toEqual([
      'x:MtaRoute/resend/authSecret',
      'x:NetworkListener/imap-cleartext',
      'x:SystemSettings/singleton/maxConnections',
      'x:SystemSettings/singleton/proxyTrustedNetworks',
    ]);
    const secret = output.drifted.find(
      (d: any) => d.id === 'x:MtaRoute/resend/authSecret',
    );
    expect(secret.masked).toBe(true);
    expect(secret).not.toHaveProperty('live');
  });

  it('answers list-fleet with both demo instances and their verdicts', async () => {
    const output = JSON.parse((await call('list-fleet', {})).text);

    expect(
      output.instances.map((i: any) => [i.entityRef, i.release, i.clusters]),
    ).toEqual(
      expect.arrayContaining([
        ['component:default/stalwart', 'stalwart', ['homelab']],
        ['component:default/mail-edge', 'mail', ['edge']],
      ]),
    );
    expect(output.instances.every((i: any) => i.verdict)).toBe(true);
  });

  it('reconciles through reconcile-instance, and the simulated Flux handles it', async () => {
    const output = JSON.parse(
      (
        await call('reconcile-instance', {
          entityRef: 'component:default/stalwart',
        })
      ).text,
    );

    expect(output).toMatchObject({
      tool: 'flux',
      dryRun: false,
      owner: 'HelmRelease stalwart/stalwart',
      handled: true,
      lastHandledReconcileAt: expect.any(String),
    });
  });

  it('refuses reconcile-instance to a caller without stalwart.gitops.reconcile', async () => {
    backend.decisions['stalwart.gitops.reconcile'] = AuthorizeResult.DENY;

    const result = await call('reconcile-instance', {
      entityRef: 'component:default/stalwart',
      dryRun: true,
    });

    expect(result.isError).toBe(true);
    expect(result.text).toContain(
      'You may not reconcile the GitOps release of component:default/stalwart: stalwart.gitops.reconcile is not granted',
    );
  });

  it('keeps a live value through keep-live-value: a dry run by default, then a branch touching only the settings plan', async () => {
    const dry = JSON.parse(
      (
        await call('keep-live-value', {
          entityRef: 'component:default/mail-edge',
          itemIds: [MAX_CONNECTIONS],
        })
      ).text,
    );
    expect(dry).toMatchObject({
      dryRun: true,
      adopted: [MAX_CONNECTIONS],
      folder: 'edge/mail',
      expectedLive: { [MAX_CONNECTIONS]: '20000' },
    });
    expect(dry.files[0].diff).toContain('"maxConnections":20000');
    expect(dry).not.toHaveProperty('commitSha');
    const branches = () =>
      execFileSync('git', ['branch', '--list', 'stalwart-adopt/*'], {
        cwd: fleetRepository,
        encoding: 'utf8',
      }).trim();
    expect(branches()).toBe('');

    const applied = JSON.parse(
      (
        await call('keep-live-value', {
          entityRef: 'component:default/mail-edge',
          itemIds: [MAX_CONNECTIONS],
          dryRun: false,
          expectedLive: dry.expectedLive,
        })
      ).text,
    );
    expect(applied.commitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(
      execFileSync('git', ['diff', '--name-only', 'main', applied.branch], {
        cwd: fleetRepository,
        encoding: 'utf8',
      }).trim(),
    ).toBe('edge/mail/settings-plan.ndjson');
  });

  it('refuses keep-live-value for the secret setting, writing nothing', async () => {
    const result = await call('keep-live-value', {
      entityRef: 'component:default/mail-edge',
      itemIds: ['x:MtaRoute/resend/authSecret'],
    });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('Nothing to adopt');
  });

  it('refuses keep-live-value to a caller without stalwart.settings.adopt, and audits the refusal', async () => {
    backend.decisions['stalwart.settings.adopt'] = AuthorizeResult.DENY;
    const result = await call('keep-live-value', {
      entityRef: 'component:default/mail-edge',
      itemIds: [MAX_CONNECTIONS],
    });
    expect(result.isError).toBe(true);
    expect(result.text).toContain(
      'You may not adopt the settings of component:default/mail-edge into git: stalwart.settings.adopt is not granted',
    );
    expect(backend.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'settings-adoption',
        meta: { entityRef: 'component:default/mail-edge' },
      }),
    );
  });

  it('never hands a secret of the scenario to the agent', () => {
    expect(texts.length).toBeGreaterThan(4);
    for (const text of texts)
      for (const decoy of decoys) expect(text).not.toContain(decoy);
  });
});
