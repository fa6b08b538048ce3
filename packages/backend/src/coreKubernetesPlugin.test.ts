import {
  startBackendWithSimulator,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';

// The core Kubernetes plugin of the example backend, configured with the simulator's URLs
// exactly as for real clusters, must read the demo scenario: proof that the simulator speaks
// the REST a real client expects.
type ClusterItem = {
  cluster: { name: string };
  errors: unknown[];
  resources: { type: string; resources: any[] }[];
};

describe('the core Kubernetes plugin against the simulated demo clusters', () => {
  let stack: BackendWithSimulator;

  beforeAll(async () => {
    stack = await startBackendWithSimulator();
    await stack.waitForJson(
      '/api/catalog/entities/by-name/component/default/mail-edge',
    );
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  async function query(path: string, body: object): Promise<ClusterItem[]> {
    const res = await stack.request(`/api/kubernetes${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    const payload = await res.json();
    if (res.status !== 200) {
      throw new Error(
        `${path} answered ${res.status}: ${JSON.stringify(payload)}`,
      );
    }
    return (payload as { items: ClusterItem[] }).items;
  }

  it('lists the StatefulSet and pods of the v0.15 instance in its cluster', async () => {
    const items = await query('/resources/workloads/query', {
      entityRef: 'component:default/stalwart',
      auth: {},
    });

    const homelab = items.find(item => item.cluster.name === 'homelab')!;
    expect(homelab.errors).toEqual([]);
    const names = (type: string) =>
      homelab.resources
        .find(r => r.type === type)!
        .resources.map(o => o.metadata.name)
        .sort();
    expect(names('statefulsets')).toEqual([
      'stalwart-antigenic-stalwart-helm-chart',
    ]);
    expect(names('pods')).toEqual([
      'stalwart-antigenic-stalwart-helm-chart-0',
      'stalwart-antigenic-stalwart-helm-chart-1',
      'stalwart-antigenic-stalwart-helm-chart-2',
    ]);
  }, 60_000);

  it('reads the cert-manager Certificate of the v0.16 instance as a custom resource', async () => {
    const items = await query('/resources/custom/query', {
      entityRef: 'component:default/mail-edge',
      auth: {},
      customResources: [
        { group: 'cert-manager.io', apiVersion: 'v1', plural: 'certificates' },
      ],
    });

    const edge = items.find(item => item.cluster.name === 'edge')!;
    expect(edge.errors).toEqual([]);
    const certificates = edge.resources[0].resources;
    expect(certificates).toHaveLength(1);
    expect(certificates[0].spec.dnsNames).toContain('mail.edge.example.org');
  }, 60_000);
});
