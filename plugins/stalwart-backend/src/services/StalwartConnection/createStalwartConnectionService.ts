import type { StalwartConnectionConfig } from '../../config/readStalwartConnectionConfig';
import type { StalwartStatusConfig } from '../../config/types';
import { clientsByCluster } from '../ClusterClientService/clientsByCluster';
import {
  ClusterClientService,
  createClusterClientService,
} from '../ClusterClientService/createClusterClientService';
import type { KubernetesCacheService } from '../KubernetesCacheService/types';
import { createV015Client } from './clients/V015Client';
import { createV016Client } from './clients/V016Client';
import { chooseCredentials } from './credentials/chooseCredentials';
import { SecretCredentialsReader } from './credentials/SecretCredentialsReader';
import { StalwartApiError } from './errors/StalwartApiError';
import { PodTransport } from './http/PodTransport';
import { findInstancePods } from './pods/findInstancePods';
import { openPortForward } from './portForward/openPortForward';
import { PortForwardAgent } from './portForward/PortForwardAgent';
import type {
  StalwartClusterConnection,
  StalwartConnectionService,
  StalwartPod,
  StalwartPodConnection,
} from './types';

export function createStalwartConnectionService(options: {
  statusConfig: Pick<
    StalwartStatusConfig,
    'clusters' | 'unsupportedClusters' | 'maxBackoffMs'
  >;
  config: StalwartConnectionConfig;
  cache: KubernetesCacheService;
  clusterClients?: ClusterClientService;
}): StalwartConnectionService {
  const { statusConfig, config, cache } = options;
  const clusterClients =
    options.clusterClients ??
    createClusterClientService({
      clusters: statusConfig.clusters,
      unsupportedClusters: statusConfig.unsupportedClusters,
    });
  const clients = clientsByCluster(clusterClients, {
    requestTimeoutMs: config.requestTimeoutMs,
    maxRetries: config.maxRetries,
    maxBackoffMs: statusConfig.maxBackoffMs,
  });
  const credentials = new SecretCredentialsReader(
    clients,
    config.credentialsCacheTtlMs,
  );

  // One keep-alive agent per pod incarnation (uid) and port; idle ones are swept.
  const agents = new Map<string, PortForwardAgent>();
  const sweeper = setInterval(() => {
    for (const [key, agent] of agents) {
      if (
        agent.isIdle() &&
        Date.now() - agent.lastUsed > config.idleTimeoutMs
      ) {
        agent.destroy();
        agents.delete(key);
      }
    }
  }, config.idleTimeoutMs);
  sweeper.unref();

  function kubeConfigOf(cluster: string) {
    const client = clients.get(cluster);
    if (!client) {
      throw new StalwartApiError({
        reason: 'cluster-unreachable',
        message: `Cluster ${cluster} is no longer among the located clusters`,
      });
    }
    return client.kubeConfig;
  }

  function agentFor(pod: StalwartPod): PortForwardAgent {
    const key = `${pod.cluster}/${pod.namespace}/${pod.name}/${pod.uid}/${pod.managementPort}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = new PortForwardAgent(
        () =>
          openPortForward({
            kubeConfig: kubeConfigOf(pod.cluster),
            target: {
              cluster: pod.cluster,
              namespace: pod.namespace,
              pod: pod.name,
            },
            port: pod.managementPort,
            timeoutMs: config.requestTimeoutMs,
          }),
        {
          maxSockets: config.maxConnectionsPerPod,
          idleTimeoutMs: config.idleTimeoutMs,
        },
      );
      agents.set(key, agent);
    }
    agent.lastUsed = Date.now();
    return agent;
  }

  async function connectPod(
    pod: StalwartPod,
    transport: PodTransport,
  ): Promise<StalwartPodConnection> {
    if (!pod.running) {
      return {
        pod,
        error: new StalwartApiError({
          reason: 'pod-unreachable',
          message: `The pod is ${pod.phase ?? 'not running'}`,
          target: transport.target,
        }),
      };
    }
    if (pod.engineFromImage === 'v0.15')
      return { pod, engine: 'v0.15', client: createV015Client(transport) };
    const client = createV016Client(transport);
    try {
      return {
        pod,
        engine: 'v0.16',
        version: await client.detectVersion(),
        client,
      };
    } catch (error) {
      const notV016 =
        error instanceof StalwartApiError &&
        error.reason === 'unsupported-version';
      // An unversioned tag without /api/schema is the settings API of v0.11–v0.15.
      if (notV016 && !pod.engineFromImage)
        return { pod, engine: 'v0.15', client: createV015Client(transport) };
      return { pod, error: error as StalwartApiError };
    }
  }

  return {
    async connect({ instance: { entityRef, entity, location: instance } }) {
      const annotations = entity.metadata.annotations ?? {};
      const names = instance.clusters ?? clusterClients.clusterNames();

      const clusters = await Promise.all(
        names.map(async (cluster): Promise<StalwartClusterConnection> => {
          if (!clients.get(cluster)) {
            const reason =
              clusterClients.unsupportedReason(cluster) ??
              'it is not in kubernetes.clusterLocatorMethods';
            return {
              cluster,
              pods: [],
              error: new StalwartApiError({
                reason: 'cluster-unreachable',
                message: `Cluster ${cluster} cannot be used: ${reason}`,
              }),
            };
          }
          const found = await findInstancePods({ cache, cluster, instance });
          const choice = chooseCredentials({
            config,
            cluster,
            namespace: instance.namespace,
            release: instance.release,
            annotations,
          });
          const pods = await Promise.all(
            found.pods.map(pod => {
              const target = {
                cluster,
                namespace: pod.namespace,
                pod: pod.name,
              };
              const transport = new PodTransport({
                target,
                port: pod.managementPort,
                agent: () => agentFor(pod),
                credentials: credentials.forPod(choice, target),
                requestTimeoutMs: config.requestTimeoutMs,
                maxRetries: config.maxRetries,
                maxRetryAfterMs: config.maxRetryAfterMs,
              });
              return connectPod(pod, transport);
            }),
          );
          return {
            cluster,
            pods,
            error: found.problem
              ? new StalwartApiError({
                  reason: 'cluster-unreachable',
                  message: found.problem,
                })
              : undefined,
          };
        }),
      );
      return {
        entityRef,
        release: instance.release,
        namespace: instance.namespace,
        clusters,
      };
    },

    async stop() {
      clearInterval(sweeper);
      clients.stop();
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
