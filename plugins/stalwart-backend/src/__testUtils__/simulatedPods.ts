import type { SimulatorServer } from '@stalwart-backstage/simulator';
import https from 'node:https';

/** The pods of a namespace as the simulated API server lists them (name → uid, annotations). */
export async function listSimulatedPods(
  simulator: SimulatorServer,
  clusterName: string,
  namespace: string,
): Promise<
  Array<{ name: string; uid: string; annotations: Record<string, string> }>
> {
  const cluster = simulator.clusters.find(c => c.name === clusterName)!;
  const body = await new Promise<string>((resolve, reject) => {
    https
      .get(
        `${cluster.url}/api/v1/namespaces/${namespace}/pods`,
        {
          ca: simulator.certificate,
          headers: { Authorization: `Bearer ${cluster.token}` },
        },
        res => {
          let text = '';
          res.on('data', chunk => (text += chunk));
          res.on('end', () => resolve(text));
        },
      )
      .on('error', reject);
  });
  return JSON.parse(body).items.map((pod: any) => ({
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    annotations: pod.metadata.annotations ?? {},
  }));
}

/** Polls until `check` passes (or its last failure after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}
