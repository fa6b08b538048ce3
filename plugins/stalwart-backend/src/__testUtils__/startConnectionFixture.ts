import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  loadScenario,
  Scenario,
  SimulatorServer,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import { simulatorBackendConfig } from '@stalwart-backstage/test-harness';
import path from 'node:path';
import { readStalwartConnectionConfig } from '../config/readStalwartConnectionConfig';
import { readStalwartStatusConfig } from '../config/readStalwartStatusConfig';
import { createKubernetesCacheService } from '../services/KubernetesCacheService/createKubernetesCacheService';
import { createStalwartConnectionService } from '../services/StalwartConnection/createStalwartConnectionService';
import type { StalwartConnectionService } from '../services/StalwartConnection/types';

export const DEMO_SCENARIO = path.join(
  path.dirname(require.resolve('@stalwart-backstage/simulator/package.json')),
  'scenarios/demo',
);

function instanceEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'mail-team' },
  };
}

/** The demo's v0.15 instance: Antigenic chart, release `stalwart`, three pods. */
export const homelabEntity = (annotations: Record<string, string> = {}) =>
  instanceEntity('homelab-mail', {
    'stalwart.io/release': 'stalwart',
    'stalwart.io/namespace': 'stalwart',
    'stalwart.io/clusters': 'homelab',
    'stalwart.io/chart': 'antigenic',
    ...annotations,
  });

/** The demo's v0.16 instance: kgrubb chart, release `mail`, two pods. */
export const edgeEntity = (annotations: Record<string, string> = {}) =>
  instanceEntity('edge-mail', {
    'stalwart.io/release': 'mail',
    'stalwart.io/namespace': 'mail',
    'stalwart.io/clusters': 'edge',
    'stalwart.io/chart': 'kgrubb',
    ...annotations,
  });

export interface ConnectionFixture {
  server: SimulatorServer;
  service: StalwartConnectionService;
  stop(): Promise<void>;
}

/**
 * The demo scenario served over HTTPS, and a connection service configured for it exactly as
 * app-config would configure real clusters (URL, service-account token, caData).
 */
export async function startConnectionFixture(
  options: {
    editScenario?: (scenario: Scenario) => void;
    /** Per cluster, a token other than the scenario's first user's. */
    tokens?: Record<string, string>;
    connection?: JsonObject;
    credentials?: JsonObject;
  } = {},
): Promise<ConnectionFixture> {
  const scenario = loadScenario(DEMO_SCENARIO);
  options.editScenario?.(scenario);
  const server = await startSimulatorServer({ scenario, tls: true });
  const config = new ConfigReader(
    simulatorBackendConfig(
      {
        clusters: server.clusters.map(cluster => ({
          ...cluster,
          token: options.tokens?.[cluster.name] ?? cluster.token,
        })),
        certificate: server.certificate,
      },
      {
        connection: options.connection,
        stalwart: options.credentials
          ? { credentials: options.credentials }
          : undefined,
      },
    ) as JsonObject,
  );
  const statusConfig = readStalwartStatusConfig(config);
  const cache = createKubernetesCacheService({
    config: statusConfig,
    logger: mockServices.logger.mock(),
  });
  const service = createStalwartConnectionService({
    statusConfig,
    config: readStalwartConnectionConfig(config),
    cache,
  });
  return {
    server,
    service,
    async stop() {
      await service.stop();
      await cache.stop();
      await server.close();
    },
  };
}
