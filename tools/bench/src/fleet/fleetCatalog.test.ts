import { generateFleet } from '@stalwart-backstage/simulator';
import { parseAllDocuments } from 'yaml';
import { fleetCatalogYaml } from './fleetCatalog';
import { fleetInstances, spreadSample } from './fleetInstances';

describe('the fleet catalog', () => {
  const scenario = generateFleet({ instances: 7, clusters: 3 });
  const instances = fleetInstances(scenario);

  it('finds every instance of the generated fleet with its cluster and hostname', () => {
    expect(instances).toHaveLength(7);
    expect(new Set(instances.map(i => i.cluster)).size).toBe(3);
    const first = instances.find(i => i.cluster === 'fleet-1')!;
    expect(first.hostname).toBe(`${first.release}.example.com`);
    expect(first.entityName).toBe(first.release);
    expect(first.entityRef).toBe(`component:default/${first.release}`);
  });

  it('renders one Component per instance with the annotations both plugins read', () => {
    const entities = parseAllDocuments(fleetCatalogYaml(instances)).map(d =>
      d.toJS(),
    );
    expect(entities).toHaveLength(7);
    const byName = new Map(entities.map(e => [e.metadata.name, e]));
    for (const instance of instances) {
      const annotations = byName.get(instance.release).metadata.annotations;
      expect(annotations).toMatchObject({
        'stalwart.io/release': instance.release,
        'stalwart.io/namespace': instance.namespace,
        'stalwart.io/clusters': instance.cluster,
        'stalwart.io/hostname': instance.hostname,
        'backstage.io/kubernetes-namespace': instance.namespace,
        'backstage.io/kubernetes-label-selector': `app.kubernetes.io/instance=${instance.release},app.kubernetes.io/name=antigenic-stalwart-helm-chart`,
      });
    }
  });

  it('selects pods the simulator actually labels that way', () => {
    const instance = instances[0];
    const cluster = scenario.clusters.find(c => c.name === instance.cluster)!;
    const pods = cluster.manifests.filter(
      m =>
        m.kind === 'Pod' &&
        m.metadata.namespace === instance.namespace &&
        m.metadata.labels['app.kubernetes.io/instance'] === instance.release &&
        m.metadata.labels['app.kubernetes.io/name'] ===
          'antigenic-stalwart-helm-chart',
    );
    expect(pods.length).toBeGreaterThan(0);
  });
});

describe('spreadSample', () => {
  it('takes evenly spaced items including the first', () => {
    expect(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([
      0, 2, 4, 6, 8,
    ]);
  });

  it('takes everything when asked for more than there is', () => {
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});
