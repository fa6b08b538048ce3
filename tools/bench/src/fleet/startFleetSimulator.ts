import { fork } from 'node:child_process';
import https from 'node:https';
import { resolve } from 'node:path';
import type { KubernetesRequestCounts } from './requestCounter';
import type {
  FleetCluster,
  ParentMessage,
  SimulatorMessage,
} from './simulatorMessages';

/** The simulator child process serving one generated fleet. */
export interface FleetSimulator {
  pid: number;
  url: string;
  clusters: FleetCluster[];
  /** PEM of the certificate the clients must trust. */
  certificate: string;
  /** Kubernetes API requests received so far (control API excluded). */
  counts(): Promise<KubernetesRequestCounts>;
  /** Injects latency on every Kubernetes API request, through the control API. */
  setLatency(ms: number): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;
const ANSWER_TIMEOUT_MS = 10_000;

/** POST to the simulator's control API over its self-signed HTTPS. */
function postControl(url: string, ca: string, body: object): Promise<void> {
  return new Promise((resolvePost, reject) => {
    const request = https.request(
      url,
      {
        method: 'POST',
        ca,
        headers: { 'content-type': 'application/json' },
        timeout: ANSWER_TIMEOUT_MS,
      },
      response => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolvePost()
            : reject(new Error(`${url} answered ${response.statusCode}`)),
        );
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`${url} did not answer`)),
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** Forks the simulator process for a fleet and waits until it serves. */
export async function startFleetSimulator(options: {
  instances: number;
  clusters: number;
  now: Date;
  /** Unrelated objects per cluster. */
  noise?: number;
}): Promise<FleetSimulator> {
  const child = fork(
    // The benchmark runs from the monorepo's sources only, next to this file.
    // eslint-disable-next-line no-restricted-syntax
    resolve(__dirname, 'simulatorProcess.ts'),
    [
      '--instances',
      String(options.instances),
      '--clusters',
      String(options.clusters),
      '--now',
      String(options.now.getTime()),
      '--noise',
      String(options.noise ?? 0),
    ],
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  child.stdout!.on('data', chunk => (output = (output + chunk).slice(-4000)));
  child.stderr!.on('data', chunk => (output = (output + chunk).slice(-4000)));
  const exited = new Promise<void>(r => child.once('exit', () => r()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
  };

  const ready = await new Promise<Extract<SimulatorMessage, { type: 'ready' }>>(
    (resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the simulator did not start within 180 s')),
        READY_TIMEOUT_MS,
      );
      child.on('message', (message: SimulatorMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolveReady(message);
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`the simulator failed to start: ${message.error}`));
        }
      });
      child.once('exit', code => {
        clearTimeout(timer);
        reject(new Error(`the simulator exited with ${code}:\n${output}`));
      });
    },
  ).catch(async error => {
    await kill();
    throw error;
  });

  let nextId = 0;
  const pending = new Map<number, (counts: KubernetesRequestCounts) => void>();
  child.on('message', (message: SimulatorMessage) => {
    if (message.type === 'counts') {
      pending.get(message.id)?.(message.counts);
      pending.delete(message.id);
    }
  });

  return {
    pid: child.pid!,
    url: ready.url,
    clusters: ready.clusters,
    certificate: ready.certificate,
    counts: () =>
      new Promise((resolveCounts, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('the simulator did not report its request counts'));
        }, ANSWER_TIMEOUT_MS);
        pending.set(id, counts => {
          clearTimeout(timer);
          resolveCounts(counts);
        });
        child.send({ type: 'counts', id } satisfies ParentMessage);
      }),
    setLatency: ms =>
      postControl(`${ready.url}/_simulator/latency`, ready.certificate, {
        ms,
      }),
    stop: kill,
  };
}
