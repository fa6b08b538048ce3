/* eslint-disable no-console */
import { ChildProcess, fork } from 'node:child_process';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  generateFleet,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import { createKubernetesCacheService } from '../src/services/KubernetesCacheService/createKubernetesCacheService';
import { RESOURCE_KINDS } from '../src/services/KubernetesCacheService/resourceKinds';
import type { ResourceKind } from '../src/services/KubernetesCacheService/types';

// The heap the watch cache keeps per instance (issue 15: <= 8 KB at N = 5,000): the simulated
// fleet's objects listed, projected and held, measured after a full garbage collection, apart
// from the rest of a backend (catalog, other plugins, request garbage) that an RSS figure mixes
// in. The simulator runs in a child process (this file with --serve), so its heap is not counted.

const KINDS = Object.keys(RESOURCE_KINDS) as ResourceKind[];
const instances = Number(
  process.argv[process.argv.indexOf('--instances') + 1] || 5000,
);
const noise = Number(
  process.argv.includes('--noise')
    ? process.argv[process.argv.indexOf('--noise') + 1]
    : 0,
);

const logger: LoggerService = {
  error: message => console.error(message),
  warn: message => console.error(message),
  info: () => undefined,
  debug: () => undefined,
  child: () => logger,
};

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc)
    throw new Error('run with node --expose-gc (yarn bench:cache-memory)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

interface Served {
  name: string;
  url: string;
  token: string;
  certificate: string;
  namespaces: string[];
}

/** The child: serves the fleet and tells the parent where. */
async function serve() {
  const scenario = generateFleet({ instances, clusters: 1, noise });
  const simulator = await startSimulatorServer({
    scenario,
    port: 0,
    tls: true,
  });
  const [{ name, url, token }] = simulator.clusters;
  const namespaces = [
    ...new Set(
      scenario.clusters[0].manifests
        .filter(m => m.kind === 'StatefulSet')
        .map(m => m.metadata!.namespace!),
    ),
  ];
  const served: Served = {
    name,
    url,
    token,
    certificate: simulator.certificate!,
    namespaces,
  };
  process.send!(served);
  process.on('disconnect', () => simulator.close().then(() => process.exit(0)));
}

async function startChild(): Promise<{ served: Served; child: ChildProcess }> {
  const child = fork(__filename, [...process.argv.slice(2), '--serve'], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
  });
  const served = await new Promise<Served>((resolve, reject) => {
    // The CLI's transform reports each loaded file to a parent over IPC too.
    child.on('message', message => {
      if ((message as Partial<Served>).url) resolve(message as Served);
    });
    child.once('exit', code =>
      reject(new Error(`the simulator exited (${code})`)),
    );
  });
  return { served, child };
}

/** A cache over the served cluster, every instance namespace read once; what it holds. */
async function warmCache(served: Served) {
  const { name, url, token, namespaces } = served;
  const cache = createKubernetesCacheService({
    logger,
    config: {
      clusters: [
        {
          name,
          url,
          serviceAccountToken: token,
          caData: Buffer.from(served.certificate).toString('base64'),
          skipTLSVerify: false,
        },
      ],
      unsupportedClusters: [],
      requestTimeoutMs: 60_000,
      maxRetries: 1,
      maxBackoffMs: 1_000,
      initialSyncTimeoutMs: 120_000,
      idleTimeoutMs: 600_000,
      argoCdNamespaces: ['argocd'],
      watchScope: 'cluster',
      accessCacheTtlMs: 0,
      accessCacheMaxEntries: 0,
    },
  });
  const started = performance.now();
  let objects = 0;
  let jsonBytes = 0;
  for (const namespace of namespaces) {
    const read = await cache.read({ cluster: name, namespace, kinds: KINDS });
    for (const kind of KINDS) {
      objects += read[kind].items.length;
      jsonBytes += JSON.stringify(read[kind].items).length;
    }
  }
  return {
    cache,
    objects,
    jsonBytes,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main() {
  const { served, child } = await startChild();
  // A first cache loads the code every later one runs (client-node, TLS, the projections):
  // that heap is the process's, paid once whatever the fleet.
  await (await warmCache(served)).cache.stop();
  const before = heapAfterGc();
  const { cache, objects, jsonBytes, seconds } = await warmCache(served);
  const held = heapAfterGc() - before;
  await cache.stop();
  child.disconnect();

  const kb = (bytes: number) => (bytes / 1024).toFixed(2);
  console.log(
    [
      `Watch cache heap, ${instances} instances (${objects} objects) in one cluster${
        noise ? ` beside ${noise} unrelated objects` : ''
      }, warmed in ${seconds.toFixed(1)} s:`,
      `  held: ${(held / 1e6).toFixed(1)} MB, ${kb(
        held / instances,
      )} KB per instance`,
      `  the same objects as JSON: ${kb(
        jsonBytes / instances,
      )} KB per instance`,
    ].join('\n'),
  );
}

(process.argv.includes('--serve') ? serve() : main()).catch(error => {
  console.error(error);
  process.exit(1);
});
