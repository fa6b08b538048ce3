import { createSimulator } from '../createSimulator';
import { generateFleet } from '../scenario/generateFleet';
import { parseLabelSelector } from './selectors';

const TOKEN = { Authorization: 'Bearer fleet-1-token' };

async function readLines(response: Response, count: number): Promise<any[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const lines: any[] = [];
  while (lines.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline = buffered.indexOf('\n');
    for (
      ;
      newline >= 0 && lines.length < count;
      newline = buffered.indexOf('\n')
    ) {
      lines.push(JSON.parse(buffered.slice(0, newline)));
      buffered = buffered.slice(newline + 1);
    }
  }
  await reader.cancel();
  return lines;
}

describe('watch', () => {
  const simulator = createSimulator({
    scenario: generateFleet({ instances: 2, clusters: 1 }),
    bookmarkIntervalMs: 20,
  });
  afterAll(() => simulator.close());
  const url = (query: string) =>
    `http://simulator.local/api/v1/namespaces/mail-0000/pods?${query}`;

  it('resumes from a resourceVersion with only the later events', async () => {
    const list = await (
      await simulator.handle(new Request(url(''), { headers: TOKEN }))
    ).json();
    const watch = await simulator.handle(
      new Request(
        url(`watch=true&resourceVersion=${list.metadata.resourceVersion}`),
        { headers: TOKEN },
      ),
    );
    simulator.control.delete('fleet-1', {
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'mail-0000',
      name: 'stalwart-0000-antigenic-stalwart-helm-chart-1',
    });
    const [event] = await readLines(watch, 1);
    expect(event).toMatchObject({
      type: 'DELETED',
      object: {
        metadata: { name: 'stalwart-0000-antigenic-stalwart-helm-chart-1' },
      },
    });
  });

  it('tells a selecting watcher DELETED when an object loses its labels and ADDED when it regains them', async () => {
    const selector = encodeURIComponent(
      'app.kubernetes.io/name in (antigenic-stalwart-helm-chart)',
    );
    const watch = await simulator.handle(
      new Request(
        `http://simulator.local/api/v1/configmaps?watch=1&labelSelector=${selector}&resourceVersion=${
          simulator.state.clusters.get('fleet-1')!.store.resourceVersion
        }`,
        { headers: TOKEN },
      ),
    );
    const cluster = simulator.state.clusters.get('fleet-1')!;
    const configMap = cluster.store
      .list(cluster.registry.find('', 'v1', 'configmaps')!, 'mail-0001')
      .find(o => o.metadata.labels?.['app.kubernetes.io/name'])!;
    const { 'app.kubernetes.io/name': name, ...others } =
      configMap.metadata.labels;
    simulator.control.apply('fleet-1', {
      ...configMap,
      metadata: { ...configMap.metadata, labels: others },
    });
    simulator.control.apply('fleet-1', {
      ...configMap,
      metadata: { ...configMap.metadata, labels: { ...others, x: '1' } },
    });
    simulator.control.apply('fleet-1', configMap);

    const events = await readLines(watch, 2);
    expect(events.map(e => [e.type, e.object.metadata.labels])).toEqual([
      ['DELETED', others],
      ['ADDED', { ...others, 'app.kubernetes.io/name': name }],
    ]);
  });

  it('sends bookmarks when asked to', async () => {
    const quiet =
      'http://simulator.local/api/v1/namespaces/mail-0001/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=999999';
    const watch = await simulator.handle(
      new Request(quiet, { headers: TOKEN }),
    );
    const [event] = await readLines(watch, 1);
    expect(event.type).toBe('BOOKMARK');
    expect(event.object.metadata.resourceVersion).toMatch(/^\d+$/);
  });

  it('answers a too-old resourceVersion after compaction with an ERROR event carrying a 410 Status', async () => {
    simulator.control.restartApiServer('fleet-1');
    const watch = await simulator.handle(
      new Request(url('watch=true&resourceVersion=1'), { headers: TOKEN }),
    );
    expect(watch.status).toBe(200);
    const [event] = await readLines(watch, 1);
    expect(event).toEqual({
      type: 'ERROR',
      object: expect.objectContaining({
        kind: 'Status',
        code: 410,
        reason: 'Expired',
      }),
    });
  });

  it('answers an injected fault with a Status of that code', async () => {
    simulator.control.addFault({ path: '/pods', status: 503 });
    const response = await simulator.handle(
      new Request(url(''), { headers: TOKEN }),
    );
    simulator.control.clearFaults();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ kind: 'Status', code: 503 });
  });
});

describe('generateFleet', () => {
  it('spreads instances round-robin over clusters, each with a Stalwart server', () => {
    const fleet = generateFleet({ instances: 5, clusters: 2 });
    expect(fleet.clusters.map(c => c.stalwartServers.length)).toEqual([3, 2]);
    expect(fleet.clusters[1].users[0].token).toBe('fleet-2-token');
  });

  it('adds N unrelated, realistically shaped objects per cluster that no Stalwart selector matches', () => {
    const fleet = generateFleet({ instances: 2, clusters: 2, noise: 1000 });
    const chartOrRenderer = parseLabelSelector(
      'app.kubernetes.io/name in (antigenic-stalwart-helm-chart,stalwart)',
    );
    for (const cluster of fleet.clusters) {
      const noise = cluster.manifests.filter(m =>
        m.metadata.namespace?.startsWith('team-'),
      );
      expect(noise).toHaveLength(1000);
      expect(noise.filter(chartOrRenderer)).toEqual([]);
      const kinds = new Set(noise.map(m => m.kind));
      expect([...kinds].sort()).toEqual([
        'ConfigMap',
        'Deployment',
        'Pod',
        'Secret',
        'Service',
      ]);
      const sizes = noise
        .filter(m => m.kind === 'ConfigMap')
        .map(m => m.data['config.yaml'].length / 1024);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...sizes)).toBe(200);
      expect(sizes.filter(kb => kb > 100)).toHaveLength(5);
      const pod = noise.find(m => m.kind === 'Pod');
      expect(pod.spec.containers[0].env).toHaveLength(20);
      expect(pod.metadata.managedFields.length).toBeGreaterThan(0);
    }
  });
});
