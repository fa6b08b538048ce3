import type { KubernetesRequestCounts } from './requestCounter';

/** A simulated cluster as clients configure it. */
export interface FleetCluster {
  name: string;
  url: string;
  token: string;
}

/** What the simulator process tells the benchmark. */
export type SimulatorMessage =
  | {
      type: 'ready';
      url: string;
      clusters: FleetCluster[];
      /** PEM of the throwaway certificate the clients must trust. */
      certificate: string;
    }
  | { type: 'counts'; id: number; counts: KubernetesRequestCounts }
  | { type: 'failed'; error: string };

/** What the benchmark asks the simulator process. */
export type ParentMessage = { type: 'counts'; id: number };
