import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { helmTemplate } from '@stalwart-backstage/helm';
import { parse } from 'yaml';
import {
  exampleInstanceSpec,
  getChartFlavor,
  parseInstanceSpec,
  renderInstance,
  type ChartFlavorId,
  type InstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { createSimulator, type Simulator } from '../createSimulator';
import { BUILTIN_RESOURCE_TYPES } from '../kube/resourceTypes';

// eslint-disable-next-line no-restricted-syntax
const CHARTS_DIR = path.resolve(
  __dirname,
  '../../../../../shared/reference/charts',
);
const haveCharts = fs.existsSync(CHARTS_DIR);
if (!haveCharts) {
  // eslint-disable-next-line no-console
  console.warn(
    `NOTICE: ${CHARTS_DIR} is absent; skipping the GitOps reconciler tests`,
  );
}

const type = (kind: string) =>
  BUILTIN_RESOURCE_TYPES.find(t => t.kind === kind)!;
const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  );

function instanceSpec(
  name: string,
  engine: 'flux' | 'argocd',
  flavor: ChartFlavorId = 'antigenic',
): InstanceSpec {
  const input = exampleInstanceSpec(flavor, engine, 'existing', name);
  input.gitops = { ...input.gitops!, path: `clusters/homelab/${name}` };
  const parsed = parseInstanceSpec(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.spec;
}

/** Commits an instance on `stalwart/<name>` as the template does, and merges it into main. */
async function proposeAndMerge(
  repo: string,
  spec: InstanceSpec,
  edit?: (file: string, content: string) => string,
) {
  const files = await renderInstance(spec, {
    owner: 'group:default/mail-admins',
    clusters: ['homelab'],
  });
  git(repo, 'checkout', '-q', '-b', `stalwart/${spec.name}`, 'main');
  for (const file of files) {
    const target = path.join(repo, spec.gitops.path, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(
      target,
      edit ? edit(file.path, file.content) : file.content,
    );
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', `Add ${spec.name}`);
  git(repo, 'checkout', '-q', 'main');
  git(
    repo,
    'merge',
    '-q',
    '--no-ff',
    '-m',
    `Merge ${spec.name}`,
    `stalwart/${spec.name}`,
  );
}

const waitFor = async (what: string, check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
};

jest.setTimeout(60_000);

(haveCharts ? describe : describe.skip)(
  'the simulated Flux and Argo CD',
  () => {
    let repo: string;
    let simulator: Simulator;

    beforeEach(() => {
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-repo-'));
      git(repo, 'init', '-q', '-b', 'main');
      git(repo, 'commit', '-q', '--allow-empty', '-m', 'Empty fleet');
      simulator = createSimulator({
        scenario: {
          name: 'empty',
          clusters: [
            {
              name: 'homelab',
              kubernetesVersion: 'v1.32.0',
              users: [{ name: 'admin', token: 'admin-token', deny: [] }],
              manifests: [],
              stalwartServers: [],
            },
          ],
        },
        gitops: {
          repoDir: repo,
          chartsDir: CHARTS_DIR,
          pollMs: 60_000,
          certificateDelayMs: 30,
          loadBalancerDelayMs: 60,
          backstageCredentials: { secretName: 'backstage-stalwart-api-key' },
        },
      });
    });

    afterEach(() => {
      simulator.close();
      fs.rmSync(repo, { recursive: true, force: true });
    });

    const cluster = () => simulator.state.clusters.get('homelab')!;

    it.each(['flux', 'argocd'] as const)(
      'deploys a merged %s instance as helm template renders it, with ready pods, a Certificate and an address',
      async engine => {
        const spec = instanceSpec('mail-new', engine);
        await proposeAndMerge(repo, spec);
        const [{ outcome }] = await simulator.gitops!.reconcileNow();
        expect(outcome).toEqual(expect.objectContaining({ ok: true }));

        const valuesYaml = fs.readFileSync(
          path.join(repo, spec.gitops.path, 'values.yaml'),
          'utf8',
        );
        const { objects } = await helmTemplate({
          release: spec.name,
          namespace: spec.namespace,
          chartDir: path.join(CHARTS_DIR, 'antigenic', 'chart'),
          valuesYaml,
        });
        const expected = objects.find(o => o.kind === 'StatefulSet')!;
        await waitFor('the StatefulSet to be ready', () =>
          Boolean(
            cluster().store.get(
              type('StatefulSet'),
              spec.namespace,
              expected.metadata.name,
            )?.status?.readyReplicas,
          ),
        );
        const sts = cluster().store.get(
          type('StatefulSet'),
          spec.namespace,
          expected.metadata.name,
        );
        expect(sts.status.readyReplicas).toBe(spec.replicas);
        expect(sts.metadata.annotations['meta.helm.sh/release-name']).toBe(
          spec.name,
        );

        const selector = getChartFlavor('antigenic').podSelector(spec.name);
        const pods = cluster()
          .store.list(type('Pod'), spec.namespace)
          .filter(p =>
            Object.entries(selector).every(
              ([k, v]) => p.metadata.labels[k] === v,
            ),
          );
        expect(pods.map(p => p.metadata.name).sort()).toEqual(
          Array.from(
            { length: spec.replicas },
            (_, i) => `${expected.metadata.name}-${i}`,
          ),
        );
        expect(
          simulator.state.fleet.find('homelab', spec.namespace, spec.name)
            ?.v015,
        ).toBeDefined();

        const names = getChartFlavor('antigenic').objectNames(spec.name, {
          replicas: spec.replicas,
        });
        const certificateType = cluster().typeOf({
          apiVersion: 'cert-manager.io/v1',
          kind: 'Certificate',
        })!;
        await waitFor('the Certificate and the address', () => {
          const certificates = cluster().store.list(
            certificateType,
            spec.namespace,
          );
          const service = cluster().store.get(
            type('Service'),
            spec.namespace,
            names.mailService,
          );
          return (
            certificates.length > 0 &&
            certificates.every(c => c.status?.notAfter) &&
            Boolean(service?.status?.loadBalancer?.ingress?.length)
          );
        });

        const ownerType = cluster().typeOf(
          engine === 'flux'
            ? { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease' }
            : { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' },
        )!;
        const owner = cluster()
          .store.list(ownerType)
          .find(o => o.metadata.name === spec.name);
        const flux = engine === 'flux';
        const applied = flux
          ? owner.status.inventory.entries
          : owner.status.resources;
        expect(
          flux
            ? owner.status.conditions.find((c: any) => c.type === 'Ready')
                ?.status
            : owner.status.sync.status,
        ).toBe(flux ? 'True' : 'Synced');
        expect(applied.length).toBeGreaterThan(3);
      },
    );

    it('onboards an instance it first deploys: Backstage gets an admin API key in its Secret, once, and git never holds it', async () => {
      const spec = instanceSpec('mail-keyed', 'flux');
      await proposeAndMerge(repo, spec);
      await simulator.gitops!.reconcileNow();
      const secret = cluster().store.get(
        type('Secret'),
        spec.namespace,
        'backstage-stalwart-api-key',
      );
      const apiKey = Buffer.from(secret.data.apiKey, 'base64').toString();
      const [name, keySecret] = Buffer.from(apiKey.slice(4), 'base64')
        .toString()
        .split(':');
      expect(apiKey.startsWith('api_')).toBe(true);
      const stalwart = simulator.state.fleet.find(
        'homelab',
        spec.namespace,
        spec.name,
      )!;
      expect(stalwart.document.spec.principals).toEqual([
        { name, type: 'apiKey', secret: keySecret, roles: ['admin'] },
      ]);
      const history = git(repo, 'log', '-p', '--all');
      expect(history).toContain('kind: HelmRelease');
      expect(history).not.toContain(keySecret);

      fs.appendFileSync(
        path.join(repo, spec.gitops.path, 'values.yaml'),
        'replicaCount: 2\n',
      );
      git(repo, 'commit', '-q', '-am', 'Raise the replicas');
      await simulator.gitops!.reconcileNow();
      expect(stalwart.document.spec.principals).toHaveLength(1);
      expect(
        cluster().store.get(
          type('Secret'),
          spec.namespace,
          'backstage-stalwart-api-key',
        ).data,
      ).toEqual(secret.data);
    });

    it('turns the HelmRelease not Ready with Helm’s own message and applies nothing when the chart refuses the values', async () => {
      const spec = instanceSpec('mail-bad', 'flux');
      await proposeAndMerge(repo, spec, (file, content) =>
        file === 'values.yaml' ? `${content}replicaCount: many\n` : content,
      );
      const [{ outcome }] = await simulator.gitops!.reconcileNow();
      expect(outcome).toEqual(
        expect.objectContaining({ ok: false, reason: 'InstallFailed' }),
      );

      const helmRelease = cluster()
        .store.list(
          cluster().typeOf({
            apiVersion: 'helm.toolkit.fluxcd.io/v2',
            kind: 'HelmRelease',
          })!,
        )
        .find(o => o.metadata.name === 'mail-bad');
      expect(helmRelease.status.conditions[0]).toEqual(
        expect.objectContaining({
          type: 'Ready',
          status: 'False',
          message: expect.stringMatching(/replicaCount/),
        }),
      );
      expect(cluster().store.list(type('StatefulSet'))).toEqual([]);
      expect(cluster().store.list(type('ConfigMap'))).toEqual([]);
    });

    it.each([
      [
        'flux',
        'kgrubb',
        // helm-controller's HelmChartNotReady with source-controller's index lookup error
        "HelmChart 'mail/mail-mail-unknown' is not ready: invalid chart reference: failed to get chart version for remote reference: no 'stalwart' chart with version matching '9.9.9' found",
      ],
      [
        'argocd',
        'antigenic',
        'chart "antigenic-stalwart-helm-chart" version "9.9.9" not found in ghcr.io/antigenic-oss/charts (available: 1.0.4)',
      ],
    ] as const)(
      'fails the %s release of the %s chart naming a version no registry holds, in the controller’s words, and applies none of it',
      async (engine, flavor, message) => {
        const spec = instanceSpec('mail-unknown', engine, flavor);
        const shipped = getChartFlavor(flavor).chartVersion;
        await proposeAndMerge(repo, spec, (file, content) =>
          [
            'chart-source.yaml',
            'helm-release.yaml',
            'application.yaml',
          ].includes(file)
            ? content.replaceAll(shipped, '9.9.9')
            : content,
        );
        const [{ outcome }] = await simulator.gitops!.reconcileNow();
        expect(outcome).toEqual({
          ok: false,
          reason: 'ArtifactFailed',
          message,
          revision: expect.any(String),
        });

        const owner = cluster()
          .store.list(
            cluster().typeOf(
              engine === 'flux'
                ? {
                    apiVersion: 'helm.toolkit.fluxcd.io/v2',
                    kind: 'HelmRelease',
                  }
                : { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' },
            )!,
          )
          .find(o => o.metadata.name === 'mail-unknown');
        expect(
          engine === 'flux'
            ? owner.status.conditions[0]
            : owner.status.operationState,
        ).toEqual(
          expect.objectContaining(
            engine === 'flux'
              ? { type: 'Ready', status: 'False', message }
              : { phase: 'Failed', message },
          ),
        );
        for (const kind of ['StatefulSet', 'ConfigMap', 'Service', 'Secret']) {
          expect(cluster().store.list(type(kind), spec.namespace)).toEqual([]);
        }
        expect(
          simulator.state.fleet.find('homelab', spec.namespace, spec.name),
        ).toBeUndefined();
      },
    );

    it('leaves a release the scenario already shows deployed alone until a commit changes what it declares, in the cluster its folder names', async () => {
      const spec = instanceSpec('mail-seen', 'argocd');
      spec.gitops = { ...spec.gitops, path: 'homelab/mail-seen' };
      const files = await renderInstance(spec, { clusters: ['homelab'] });
      const application = parse(
        files.find(f => f.path === 'application.yaml')!.content,
      );
      // The scenario's own Application, with the faults a scenario keeps (no workload yet).
      cluster().apply({
        ...application,
        status: { sync: { status: 'Synced', revision: 'scenario' } },
      });
      await proposeAndMerge(repo, spec);
      expect(await simulator.gitops!.reconcileNow()).toEqual([]);
      expect(cluster().store.list(type('StatefulSet'))).toEqual([]);

      fs.appendFileSync(
        path.join(repo, 'homelab/mail-seen/values.yaml'),
        'replicaCount: 2\n',
      );
      git(repo, 'commit', '-q', '-am', 'Raise the replicas');
      const [{ release, outcome }] = await simulator.gitops!.reconcileNow();
      expect(release.folder).toBe('homelab/mail-seen');
      expect(outcome).toEqual(expect.objectContaining({ ok: true }));
      expect(
        cluster()
          .store.list(type('StatefulSet'))
          .map(o => o.spec.replicas),
      ).toEqual([2]);
    });
  },
);
