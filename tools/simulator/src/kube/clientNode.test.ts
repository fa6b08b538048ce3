import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import {
  startSimulatorServer,
  SimulatorServer,
} from '../server/startSimulatorServer';

const DEMO = path.resolve(__dirname, '../../scenarios/demo');

// client-node, like client-go, refuses plain HTTP: the server runs TLS and we trust its CA.
function kubeConfig(
  server: string,
  token: string,
  certificate: string,
): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'sim',
        server,
        skipTLSVerify: false,
        caData: Buffer.from(certificate).toString('base64'),
      },
    ],
    users: [{ name: 'backstage', token }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'backstage' }],
    currentContext: 'sim',
  });
  return kc;
}

const waitFor = async (condition: () => boolean, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 20));
  }
};

describe('@kubernetes/client-node against the simulator', () => {
  let server: SimulatorServer;
  let kc: k8s.KubeConfig;
  beforeAll(async () => {
    server = await startSimulatorServer({
      scenarioDir: DEMO,
      port: 0,
      host: '127.0.0.1',
      tls: true,
    });
    kc = kubeConfig(server.url, server.token, server.certificate!);
  });
  afterAll(() => server.close());

  it('lists pods by label selector with a List resourceVersion', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const pods = await core.listNamespacedPod({
      namespace: 'stalwart',
      labelSelector:
        'app.kubernetes.io/instance=stalwart,apps.kubernetes.io/pod-index in (0,2)',
    });
    expect(pods.items.map(p => p.metadata?.name)).toEqual([
      'stalwart-antigenic-stalwart-helm-chart-0',
      'stalwart-antigenic-stalwart-helm-chart-2',
    ]);
    expect(Number(pods.metadata?.resourceVersion)).toBeGreaterThan(0);
  });

  it('pages a list with limit and continue', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const first = await core.listPodForAllNamespaces({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.metadata?.remainingItemCount).toBe(1);
    const rest = await core.listPodForAllNamespaces({
      limit: 2,
      _continue: first.metadata?._continue,
    });
    expect(rest.items.map(p => p.metadata?.name)).toEqual([
      'stalwart-antigenic-stalwart-helm-chart-2',
    ]);
  });

  it('reads custom resources such as cert-manager Certificates', async () => {
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const list: any = await custom.listClusterCustomObject({
      group: 'cert-manager.io',
      version: 'v1',
      plural: 'certificates',
    });
    expect(list.items[0].status.conditions[0]).toMatchObject({
      type: 'Ready',
      status: 'True',
    });
  });

  it('answers 403 with a Status body for a kind the token may not read', async () => {
    const denied = await startSimulatorServer({
      scenario: {
        name: 'denied',
        clusters: [
          {
            name: 'c',
            kubernetesVersion: 'v1.31.4',
            users: [{ name: 'viewer', token: 't', deny: ['secrets'] }],
            manifests: [],
            stalwartServers: [],
          },
        ],
      },
      port: 0,
    });
    try {
      const response = await fetch(
        `${denied.url}/api/v1/namespaces/x/secrets`,
        { headers: { Authorization: 'Bearer t' } },
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        kind: 'Status',
        reason: 'Forbidden',
        code: 403,
        message:
          'secrets is forbidden: User "viewer" cannot list resource "secrets" in API group "" in the namespace "x"',
      });
    } finally {
      await denied.close();
    }
  });

  it('watches and sees the events of a change made through the control API', async () => {
    const events: Array<[string, string]> = [];
    const watch = new k8s.Watch(kc);
    const request = await watch.watch(
      '/api/v1/namespaces/stalwart/configmaps',
      {},
      (type, object) => {
        events.push([type, object.metadata.name]);
      },
      () => {},
    );
    await waitFor(() => events.length >= 1);
    server.control.apply('homelab', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'watched', namespace: 'stalwart' },
      data: { a: '1' },
    });
    await waitFor(() => events.some(([, name]) => name === 'watched'));
    request.abort();
    expect(events).toContainEqual(['ADDED', 'watched']);
  });

  it('relists an informer after an apiserver restart compacts the history (410 Gone)', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    let lists = 0;
    const informer = k8s.makeInformer(
      kc,
      '/api/v1/namespaces/stalwart/pods',
      () => {
        lists += 1;
        return core.listNamespacedPod({ namespace: 'stalwart' });
      },
    );
    const errors: unknown[] = [];
    informer.on('error', error => {
      errors.push(error);
      setTimeout(() => void informer.start(), 10);
    });
    await informer.start();
    await waitFor(() => informer.list('stalwart').length === 3);

    // The change happens while no watch is open, then history is compacted: resuming
    // from the informer's resourceVersion gets 410, and only a relist sees the new pod.
    server.control.dropWatches('homelab');
    server.control.apply('homelab', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'added-during-outage', namespace: 'stalwart' },
      spec: { containers: [] },
    });
    server.control.restartApiServer('homelab');
    await waitFor(() =>
      informer
        .list('stalwart')
        .some(p => p.metadata?.name === 'added-during-outage'),
    );
    await informer.stop();
    expect(informer.list('stalwart')).toHaveLength(4);
    expect(lists).toBeGreaterThanOrEqual(2);
  }, 20_000);
});
