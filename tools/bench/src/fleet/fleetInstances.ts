import type { Scenario } from '@stalwart-backstage/simulator';

/** One Stalwart instance of a generated fleet: where it runs and what it is called. */
export interface FleetInstance {
  release: string;
  namespace: string;
  cluster: string;
  hostname: string;
  /** The catalog entity the benchmark views it through: `component:default/<entityName>`. */
  entityName: string;
  entityRef: string;
}

/**
 * The instances of a scenario, read from its StalwartServer documents and Certificates, so the
 * catalog describes exactly what the simulator serves.
 */
export function fleetInstances(scenario: Scenario): FleetInstance[] {
  return scenario.clusters.flatMap(cluster =>
    cluster.stalwartServers.map(server => {
      const { name: release, namespace } = server.metadata as {
        name: string;
        namespace: string;
      };
      const certificate = cluster.manifests.find(
        m =>
          m.kind === 'Certificate' &&
          m.metadata?.namespace === namespace &&
          m.metadata?.labels?.['app.kubernetes.io/instance'] === release,
      );
      const hostname = certificate?.spec?.dnsNames?.[0];
      if (!hostname) {
        throw new Error(
          `The fleet has no Certificate naming a hostname for ${namespace}/${release} in ${cluster.name}`,
        );
      }
      return {
        release,
        namespace,
        cluster: cluster.name,
        hostname,
        entityName: release,
        entityRef: `component:default/${release}`,
      };
    }),
  );
}

/** `count` instances spread evenly over the fleet, so every cluster and both ends are viewed. */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]);
}
