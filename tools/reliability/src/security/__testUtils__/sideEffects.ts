import type { SimulatorServer } from '@stalwart-backstage/simulator';

const INSTANCES = [
  { cluster: 'homelab', namespace: 'stalwart', name: 'stalwart' },
  { cluster: 'edge', namespace: 'mail', name: 'mail' },
];
const TRAP_POD = {
  cluster: 'homelab',
  namespace: 'stalwart',
  pod: 'stalwart-antigenic-stalwart-helm-chart-0',
};

/** What the demo's Stalwart servers hold: the v0.15 settings database and the v0.16 registry. */
function stalwartState(simulator: SimulatorServer): string {
  return JSON.stringify(
    INSTANCES.map(({ cluster, namespace, name }) => {
      const server = simulator.control.stalwart(cluster, namespace, name);
      return {
        database: server.v015 ? [...server.v015.database] : null,
        registry: server.v016
          ? [...server.v016.registry].map(([type, objects]) => [
              type,
              [...objects],
            ])
          : null,
      };
    }),
  );
}

/**
 * Watches for anything a request may have changed or sent: writes to any simulated cluster's
 * objects, a change of either Stalwart server's settings, and any request reaching a Stalwart
 * pod at all (a one-shot 500 armed on every pod still fires afterwards only if nothing used it).
 */
export async function watchSideEffects(simulator: SimulatorServer) {
  let kubernetesWrites = 0;
  const unsubscribe = simulator.clusters.map(({ name }) =>
    simulator.control.cluster(name).onChange(() => {
      kubernetesWrites += 1;
    }),
  );
  const stalwartBefore = stalwartState(simulator);
  simulator.control.addStalwartFault({
    path: '.*',
    answer: 'internalServerError',
    times: 1,
  });
  return {
    /** Stops watching and says what happened meanwhile. */
    async stop() {
      unsubscribe.forEach(off => off());
      const fetchPod = simulator.control.podFetch(
        TRAP_POD.cluster,
        TRAP_POD.namespace,
        TRAP_POD.pod,
      );
      const trap = await fetchPod('/api/settings/list');
      simulator.control.clearFaults();
      return {
        kubernetesWrites,
        stalwartChanged: stalwartState(simulator) !== stalwartBefore,
        stalwartRequests: trap.status === 500 ? 0 : 'at least 1',
      };
    },
  };
}
