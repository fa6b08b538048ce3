import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { helmTemplate } from '@stalwart-backstage/helm';
import {
  haveReferenceCharts,
  REFERENCE_CHARTS,
  startBackendWithSimulator,
  templateDefaults,
  waitFor,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';
import {
  getChartFlavor,
  type ChartFlavorId,
} from '@stalwart-backstage/plugin-stalwart-charts';
import type {
  InstanceDriftResponseV1,
  InstanceStatusResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';

const haveCharts = haveReferenceCharts('the template-to-running-instance test');

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=dev', '-c', 'user.email=dev@example.com', ...args],
    { cwd, encoding: 'utf8' },
  );

// The "done when": a template run through the scaffolder REST API, then a plain
// `git merge stalwart/<name>` in the local fleet repository, and the simulated Flux deploys
// what the real chart renders until the status endpoint reports the workload ready.
(haveCharts ? describe : describe.skip)(
  'from template to running instance',
  () => {
    let stack: BackendWithSimulator;
    let fleetRepo: string;

    beforeAll(async () => {
      fleetRepo = path.join(
        fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-')),
        'fleet-repo',
      );
      stack = await startBackendWithSimulator({
        config: { stalwart: { gitops: { localRepository: fleetRepo } } },
        gitops: {
          repoDir: fleetRepo,
          chartsDir: REFERENCE_CHARTS,
          pollMs: 500,
          certificateDelayMs: 500,
          loadBalancerDelayMs: 1000,
          backstageCredentials: {
            secretName: 'backstage-stalwart-api-key',
            key: 'apiKey',
          },
        },
      });
    }, 180_000);

    afterAll(async () => {
      await stack?.stop();
      fs.rmSync(path.dirname(fleetRepo), { recursive: true, force: true });
    }, 60_000);

    /** Runs the template through the scaffolder REST API with its defaults and `overrides`. */
    async function createFromTemplate(
      name: string,
      overrides: Record<string, unknown> = {},
    ) {
      const template = await stack.waitForJson<{ spec: { parameters: any } }>(
        '/api/catalog/entities/by-name/template/default/stalwart-instance',
      );
      const values = {
        ...templateDefaults(template.spec.parameters),
        name,
        hostname: `${name}.example.com`,
        ...overrides,
      };
      const created = await stack.request('/api/scaffolder/v2/tasks', {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/stalwart-instance',
          values,
        }),
      });
      expect(created.status).toBe(201);
      const { id } = await created.json();
      const task = await waitFor(
        `task ${id}`,
        async () => {
          const body = await (
            await stack.request(`/api/scaffolder/v2/tasks/${id}`)
          ).json();
          return ['completed', 'failed'].includes(body.status)
            ? body
            : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      expect(task.status).toBe('completed');
    }

    const mergeProposal = (name: string) =>
      git(
        fleetRepo,
        'merge',
        '--no-ff',
        '-q',
        '-m',
        `Merge ${name}`,
        `stalwart/${name}`,
      );

    it('runs the merged instance at the spec replica count under the name helm template gives', async () => {
      const name = 'mail-fresh';
      await createFromTemplate(name);

      const statusPath = `/api/stalwart/v1/entities/default/component/${name}/status`;
      const proposed = await stack.waitForJson<InstanceStatusResponseV1>(
        statusPath,
      );
      expect(proposed.lifecycle).toMatchObject({
        phase: 'proposed',
        proposal: { branch: `stalwart/${name}`, state: 'open' },
      });
      expect(proposed.verdict.state).not.toBe('critical');

      const started = Date.now();
      mergeProposal(name);

      const folder = `clusters/local/${name}`;
      const [valuesYaml, release] = ['values.yaml', 'helm-release.yaml'].map(
        file => git(fleetRepo, 'show', `main:${folder}/${file}`),
      );
      const chart = /antigenic|olsontech|kgrubb|hiroba/.exec(release)![0];
      const { objects } = await helmTemplate({
        release: name,
        namespace: /namespace: (\S+)/.exec(release)![1],
        chartDir: path.join(
          REFERENCE_CHARTS,
          chart === 'hiroba' ? 'hiroba-base' : chart,
          'chart',
        ),
        valuesYaml,
      });
      const workload = objects.find(o =>
        ['StatefulSet', 'Deployment'].includes(o.kind),
      )!;
      const replicas = (workload.spec as { replicas: number }).replicas;

      const status = await waitFor(
        'the workload to be ready',
        async () => {
          const res = await stack.request(statusPath);
          if (!res.ok) return undefined;
          const body = (await res.json()) as InstanceStatusResponseV1;
          const ready = body.clusters.find(
            c => c.workload?.replicas.ready === replicas,
          );
          return ready ? body : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 1000 },
      );
      // eslint-disable-next-line no-console
      console.log(`merged to ready in ${Date.now() - started} ms`);
      expect(status.lifecycle?.phase).toBe('running');
      const cluster = status.clusters.find(c => c.workload)!;
      expect(cluster.workload).toMatchObject({
        kind: workload.kind,
        name: workload.metadata.name,
        replicas: { desired: replicas, ready: replicas },
      });

      // Onboarded as the demo does (settings plan applied, Backstage's key in the Secret
      // app-config.yaml names): the drift of what git declares reads in sync.
      const drift = await stack.waitForJson<InstanceDriftResponseV1>(
        `/api/stalwart/v1/entities/default/component/${name}/drift`,
      );
      // A chart keeping config.json in a Secret says so; nothing else failed to read.
      const { config } = getChartFlavor(chart as ChartFlavorId).objectNames(
        name,
        { replicas },
      );
      expect(drift.errors.map(e => e.source)).toEqual(
        config.kind === 'Secret' ? ['config.json'] : [],
      );
      expect(drift.pods.every(p => p.read)).toBe(true);
      expect(drift.items.length).toBeGreaterThan(0);
      expect(
        drift.items.filter(i => i.class !== 'in-sync').map(i => i.id),
      ).toEqual([]);
    }, 300_000);

    it('fails a merged instance whose chart version no registry holds with the reconciler’s reason, and runs nothing of it', async () => {
      const name = 'mail-unknown-chart';
      await createFromTemplate(name, { chartVersion: '9.9.9' });
      mergeProposal(name);

      const status = await waitFor(
        'the lifecycle to fail',
        async () => {
          const res = await stack.request(
            `/api/stalwart/v1/entities/default/component/${name}/status`,
          );
          const body = res.ok
            ? ((await res.json()) as InstanceStatusResponseV1)
            : undefined;
          return body?.lifecycle?.phase === 'failed' ? body : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1000 },
      );
      expect(status.lifecycle?.message).toMatch(
        /version "9\.9\.9" not found in \S+ \(available: \d+\.\d+\.\d+\)/,
      );
      expect(status.clusters.map(c => c.workload)).toEqual(
        status.clusters.map(() => null),
      );
    }, 300_000);
  },
);
