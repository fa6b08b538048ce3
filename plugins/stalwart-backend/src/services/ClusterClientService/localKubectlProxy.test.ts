import { ConfigReader } from '@backstage/config';
import {
  generateFleet,
  SimulatorServer,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readClusters } from '../../config/readClusters';
import {
  annotated,
  withServiceWatch,
} from '../../__testUtils__/authProviderTestKit';
import { eventually } from '../../__testUtils__/cacheServiceTestKit';

const hasKubectl = spawnSync('kubectl', ['version', '--client']).status === 0;
if (!hasKubectl) {
  // eslint-disable-next-line no-console
  console.log(
    'NOTICE: kubectl is not installed; skipping the kubectl proxy test',
  );
}

/** The real `kubectl proxy` on a free port, authenticating to the simulator itself. */
async function startKubectlProxy(
  server: string,
  token: string,
  dir: string,
): Promise<{ url: string; process: ChildProcess }> {
  const kubeconfig = path.join(dir, 'kubeconfig');
  fs.writeFileSync(kubeconfig, '');
  const child = spawn(
    'kubectl',
    [
      'proxy',
      '--port=0',
      `--server=${server}`,
      `--token=${token}`,
      '--insecure-skip-tls-verify=true',
    ],
    { env: { ...process.env, KUBECONFIG: kubeconfig } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      const m = out.match(/Starting to serve on (127\.0\.0\.1:\d+)/);
      if (m) resolve(`http://${m[1]}`);
    });
    child.on('exit', code =>
      reject(new Error(`kubectl proxy exited with ${code}: ${out}`)),
    );
  });
  return { url, process: child };
}

(hasKubectl ? describe : describe.skip)(
  'a cluster behind kubectl proxy (localKubectlProxy)',
  () => {
    let simulator: SimulatorServer;
    let proxy: { url: string; process: ChildProcess };
    let dir: string;

    beforeAll(async () => {
      simulator = await startSimulatorServer({
        scenario: generateFleet({ instances: 1, clusters: 1 }),
        tls: true,
      });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-proxy-'));
      proxy = await startKubectlProxy(
        simulator.clusters[0].url,
        simulator.clusters[0].token,
        dir,
      );
    });
    afterAll(async () => {
      proxy?.process.kill();
      await simulator?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('lists and watches through the proxy, which alone holds the credential', async () => {
      // The core plugin's localKubectlProxy locator, pointed at this proxy's port.
      const [local] = readClusters(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'local',
                    url: proxy.url,
                    authProvider: 'localKubectlProxy',
                  },
                ],
              },
            ],
          },
        }),
      ).clusters;
      expect(local).toEqual({
        name: 'local',
        url: proxy.url,
        skipTLSVerify: true,
      });
      await withServiceWatch({ cluster: local }, async readServices => {
        const first = await readServices();
        expect(first.error).toBeUndefined();
        expect(first).toMatchObject({ state: 'live' });
        simulator.control.apply(
          'fleet-1',
          annotated(first.items[0], { 'example.com/through-proxy': 'yes' }),
        );
        await eventually(async () => {
          expect((await readServices()).items[0].metadata?.annotations).toEqual(
            { 'example.com/through-proxy': 'yes' },
          );
        });
      });
    });
  },
);
