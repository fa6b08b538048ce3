import { ClusterUser } from '../kube/SimulatedCluster';
import { StalwartServerDocument } from '../stalwart/types';

/**
 * One cluster of a scenario: who may call it and what it holds.
 *
 * @public
 */
export interface ScenarioCluster {
  name: string;
  /** What `/version` reports, e.g. `v1.31.4`. */
  kubernetesVersion: string;
  users: ClusterUser[];
  /** Kubernetes objects, as in manifests. */
  manifests: any[];
  /** Simulated Stalwart servers whose pods run in this cluster. */
  stalwartServers: StalwartServerDocument[];
}

/**
 * Everything a simulator serves.
 *
 * @public
 */
export interface Scenario {
  name: string;
  clusters: ScenarioCluster[];
}
