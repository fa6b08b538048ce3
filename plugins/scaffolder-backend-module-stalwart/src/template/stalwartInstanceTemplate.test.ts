import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  getGuestToken,
  startBackend,
  waitFor,
  type RunningBackend,
} from '@stalwart-backstage/test-harness';
import {
  parseInstanceSpec,
  renderInstance,
  type InstanceSpecInput,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { scaffolderClient } from '../__testUtils__/scaffolderClient';
import {
  formDefaults,
  readTemplate,
  TEMPLATE_FILE,
} from '../__testUtils__/templateForm';

// The template run end to end: the real example backend (scaffolder, catalog, this module,
// SQLite), the REST API a browser uses, and a real git repository on disk.

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

/** The spec the template must build from the form's defaults plus a name and host name. */
function expectedSpec(name: string, extra: Partial<InstanceSpecInput> = {}) {
  const result = parseInstanceSpec({
    name,
    namespace: 'mail',
    hostname: `${name}.example.com`,
    chart: 'hiroba',
    replicas: 1,
    tls: { issuer: 'letsencrypt', issuerKind: 'ClusterIssuer' },
    secrets: { provider: 'existing', name: `${name}-secrets` },
    gitops: { engine: 'flux', path: `clusters/local/${name}` },
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.spec;
}

// Each case runs a whole scaffolder task on the real backend; under a full parallel test run
// that takes far longer than Jest's 5 s default.
jest.setTimeout(120_000);

describe('the stalwart-instance template on the real backend', () => {
  let root: string;
  let repo: string;
  let backend: RunningBackend;
  let client: ReturnType<typeof scaffolderClient>;
  let token: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stalwart-template-'));
    repo = path.join(root, 'fleet-repo');
    backend = await startBackend({
      configFiles: ['app-config.yaml'],
      config: {
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        catalog: {
          locations: [
            {
              type: 'file',
              target: TEMPLATE_FILE,
              rules: [{ allow: ['Template'] }],
            },
          ],
        },
        stalwart: { gitops: { localRepository: repo } },
      },
    });
    token = await getGuestToken(backend.baseUrl);
    client = scaffolderClient(backend.baseUrl, token);
    await waitFor('the template to be in the catalog', async () => {
      const res = await fetch(
        `${backend.baseUrl}/api/catalog/entities/by-name/template/default/stalwart-instance`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      return res.ok;
    });
  }, 180_000);

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }, 60_000);

  const refs = () => (fs.existsSync(repo) ? git(repo, 'show-ref') : '');

  async function run(values: Record<string, unknown>) {
    const created = await client.createTask(values);
    expect(created.status).toBe(201);
    return client.waitForTask(created.body.id);
  }

  async function expectCommitted(spec: ReturnType<typeof expectedSpec>) {
    const branch = `stalwart/${spec.name}`;
    const files = await renderInstance(spec, {
      owner: 'group:default/guests',
      system: 'system:default/mail',
    });
    const committed = git(repo, 'ls-tree', '-r', '--name-only', branch)
      .split('\n')
      .filter(f => f !== 'README.md');
    expect(committed).toEqual(
      files.map(f => `${spec.gitops.path}/${f.path}`).sort(),
    );
    for (const file of files) {
      expect(
        execFileSync(
          'git',
          ['-C', repo, 'show', `${branch}:${spec.gitops.path}/${file.path}`],
          {
            encoding: 'utf8',
          },
        ),
      ).toBe(file.content);
    }
    expect(git(repo, 'rev-list', '--count', `main..${branch}`)).toBe('1');
    expect(
      git(repo, 'diff', '--name-only', 'main', branch).split('\n'),
    ).toEqual(committed);
  }

  async function entityExists(name: string) {
    const res = await fetch(
      `${backend.baseUrl}/api/catalog/entities/by-name/component/default/${name}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    return res.ok ? res.json() : undefined;
  }

  it('commits a Flux instance from the form defaults on stalwart/<name> and registers its entity', async () => {
    const task = await run({
      ...formDefaults(),
      name: 'mail-flux',
      hostname: 'mail-flux.example.com',
    });
    expect(task).toMatchObject({ status: 'completed' });

    const spec = expectedSpec('mail-flux');
    await expectCommitted(spec);
    const sha = git(repo, 'rev-parse', 'stalwart/mail-flux');
    expect(task.output.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          url: `file://${repo}`,
          title: expect.stringContaining(sha),
        }),
        expect.objectContaining({ entityRef: 'component:default/mail-flux' }),
        expect.objectContaining({
          url: '/catalog/default/component/mail-flux/mail-server',
        }),
      ]),
    );
    const entity = await waitFor('the instance entity', () =>
      entityExists('mail-flux'),
    );
    expect(entity.metadata.annotations['stalwart.io/gitops-path']).toBe(
      'clusters/local/mail-flux',
    );
  });

  it('commits an Argo CD instance with its Application', async () => {
    const argocd = {
      repoURL: 'https://github.com/example/fleet.git',
      revision: 'main',
    };
    const task = await run({
      ...formDefaults(),
      name: 'mail-argo',
      hostname: 'mail-argo.example.com',
      gitops: { engine: 'argocd', interval: '30m', argocd },
    });
    expect(task).toMatchObject({ status: 'completed' });
    await expectCommitted(
      expectedSpec('mail-argo', {
        gitops: { engine: 'argocd', path: 'clusters/local/mail-argo', argocd },
      }),
    );
    expect(
      git(
        repo,
        'show',
        'stalwart/mail-argo:clusters/local/mail-argo/application.yaml',
      ),
    ).toContain('kind: Application');
    await waitFor('the instance entity', () => entityExists('mail-argo'));
  });

  it('refuses a second run with the same name with a clear message and leaves the repository unchanged', async () => {
    const before = refs();
    expect(before).toContain('refs/heads/stalwart/mail-flux');
    const task = await run({
      ...formDefaults(),
      name: 'mail-flux',
      hostname: 'other.example.com',
    });
    expect(task.status).toBe('failed');
    expect(task.error).toMatch(
      /^ConflictError: Branch stalwart\/mail-flux already exists in the fleet repository .*: this instance was already proposed/,
    );
    expect(refs()).toBe(before);
  });

  it.each([
    [
      'an invalid name',
      { name: 'Mail_X' },
      /instance\.name does not match pattern/,
    ],
    [
      'a hostname with a newline',
      { hostname: 'mail.example.com\nx' },
      /instance\.hostname does not match pattern/,
    ],
    [
      'a hostname with a space',
      { hostname: 'mail example.com' },
      /instance\.hostname does not match pattern/,
    ],
    [
      'a path escaping the repository',
      { gitops: { engine: 'flux', path: '../x' } },
      /instance\.gitops\.path does not match pattern/,
    ],
    [
      'an unknown chart',
      { chart: 'bitnami' },
      /instance\.chart is not one of enum values/,
    ],
  ])(
    'refuses %s in the form schema, naming the field, and commits nothing',
    async (_, change, message) => {
      const before = refs();
      const created = await client.createTask({
        ...formDefaults(),
        name: 'mail-bad',
        ...change,
      });
      expect(created.status).toBe(400);
      expect(JSON.stringify(created.body.errors)).toMatch(message);
      expect(refs()).toBe(before);
    },
  );

  it('refuses in the action what only the spec rules catch, naming the field, and commits nothing', async () => {
    const before = refs();
    const task = await run({
      ...formDefaults(),
      name: 'mail-olson',
      chart: 'olsontech',
    });
    expect(task.status).toBe('failed');
    expect(task.error).toMatch(/^InputError: Invalid instance spec:\n/);
    expect(task.error).toMatch(/^tls\.acmeDns: is required/m);
    expect(refs()).toBe(before);
  });

  it.each([
    [
      'a hostname with a space',
      { hostname: 'mail example.com' },
      /^hostname: must be a fully qualified/m,
    ],
    [
      'a path escaping the repository',
      { gitops: { engine: 'flux', path: '../x' } },
      /^gitops\.path: must be a relative POSIX path/m,
    ],
    [
      'an unknown chart',
      { chart: 'bitnami' },
      /stalwart:spec:validate, instance\.spec\.chart is not one of enum values/,
    ],
  ])(
    'refuses %s in the action when a client skips the form schema',
    async (_, change, message) => {
      const before = refs();
      const template = readTemplate();
      template.spec.parameters = [];
      const response = await client.dryRun({
        template,
        values: { ...formDefaults(), name: 'mail-raw', ...change },
        directoryContents: [],
      });
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toMatch(message);
      expect(refs()).toBe(before);
    },
  );

  it('previews the files in a dry run and commits nothing', async () => {
    const before = refs();
    const response = await client.dryRun({
      template: readTemplate(),
      values: {
        ...formDefaults(),
        name: 'mail-dry',
        hostname: 'mail-dry.example.com',
      },
      directoryContents: [],
    });
    expect(response.status).toBe(200);
    const previews = response.body.directoryContents
      .map((f: any) => f.path)
      .sort();
    const spec = expectedSpec('mail-dry');
    const files = await renderInstance(spec, { owner: 'group:default/guests' });
    expect(previews).toEqual(
      files.map(f => `${spec.gitops.path}/${f.path}`).sort(),
    );
    const values = response.body.directoryContents.find(
      (f: any) => f.path === 'clusters/local/mail-dry/values.yaml',
    );
    expect(Buffer.from(values.base64Content, 'base64').toString()).toBe(
      files.find(f => f.path === 'values.yaml')!.content,
    );
    expect(refs()).toBe(before);
    expect(await entityExists('mail-dry')).toBeUndefined();
  });
});
