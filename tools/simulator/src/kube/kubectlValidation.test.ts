import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startSimulatorServer,
  SimulatorServer,
} from '../server/startSimulatorServer';
import { KUBECTL, hasKubectl, runKubectl } from '../runKubectl';

const DEMO = path.resolve(__dirname, '../../scenarios/demo');
const describeKubectl = hasKubectl ? describe : describe.skip;
if (!hasKubectl) {
  // eslint-disable-next-line no-console
  console.warn(`NOTICE: ${KUBECTL} is absent; the kubectl tests are skipped.`);
}

jest.setTimeout(30_000);

// kubectl validates by default (--validate=strict): it reads /openapi/v3 to learn whether
// the server supports fieldValidation, then sends ?fieldValidation=Strict.
describeKubectl('kubectl create/apply with validation on', () => {
  let server: SimulatorServer;
  let dir: string;
  const manifest = (name: string, object: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(object));
    return file;
  };
  const kubectl = (verb: string, file: string) =>
    runKubectl(server.url, server.token, [verb, '-f', file]);
  const configMap = (name: string, fields: Record<string, unknown>) =>
    manifest(`${name}.json`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'stalwart' },
      ...fields,
    });
  const deployment = (spec: Record<string, unknown>) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'stalwart' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
      ...spec,
    },
  });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-validate-'));
    server = await startSimulatorServer({
      scenarioDir: DEMO,
      port: 0,
      host: '127.0.0.1',
      tls: true,
    });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies a valid ConfigMap without --validate=false', async () => {
    const file = configMap('validated', { data: { greeting: 'hello' } });
    const result = await kubectl('apply', file);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('configmap/validated created');
  });

  it('creates a valid Deployment without --validate=false', async () => {
    const file = manifest('deploy.json', deployment({}));
    const result = await kubectl('create', file);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('deployment.apps/web created');
  });

  it('refuses a Deployment with an unknown spec field and names the field', async () => {
    const file = manifest('bad.json', {
      ...deployment({ foo: 'bar' }),
      metadata: { name: 'bad', namespace: 'stalwart' },
    });
    const result = await kubectl('apply', file);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'strict decoding error: unknown field "spec.foo"',
    );
    const get = await runKubectl(server.url, server.token, [
      'get',
      'deployment',
      'bad',
      '-n',
      'stalwart',
    ]);
    expect(get.code).not.toBe(0);
  });

  it('refuses an unknown top-level field on a ConfigMap with kubectl create', async () => {
    const file = configMap('badcm', { spec: { foo: 'bar' } });
    const result = await kubectl('create', file);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown field "spec"');
  });

  it('explains a kind from the published schema', async () => {
    const result = await runKubectl(server.url, server.token, [
      'explain',
      'deployments',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/KIND:\s+Deployment/);
    expect(result.stdout).toMatch(/^\s+spec\b/m);
  });
});
