import { RENDERER_WATCH_LABELS } from '@stalwart-backstage/plugin-stalwart-charts';
import { noiseObjects } from './noiseObjects';
import { Scenario, ScenarioCluster } from './types';
import {
  SIMULATOR_API_VERSION,
  StalwartServerDocument,
} from '../stalwart/types';

const CONFIG = `[config]
local-keys = ["store.*", "server.*", "cluster.*", "storage.data", "storage.blob", "storage.fts", "storage.lookup", "storage.directory", "authentication.fallback-admin.*", "config.local-keys.*"]

[server]
hostname = "HOSTNAME"

[server.listener."http"]
bind = ["[::]:8080"]
protocol = "http"

[cluster]
node-id = __NODE_ID__

[storage]
data = "rocksdb"
blob = "rocksdb"
fts = "rocksdb"
lookup = "rocksdb"
directory = "internal"

[store."rocksdb"]
type = "rocksdb"
path = "/opt/stalwart/data"

[authentication.fallback-admin]
user = "admin"
secret = "%{env:ADMIN_SECRET}%"
`;

const iso = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');

function instanceObjects(
  index: number,
  now: Date,
): { manifests: any[]; server: StalwartServerDocument } {
  const release = `stalwart-${String(index).padStart(4, '0')}`;
  const namespace = `mail-${String(index).padStart(4, '0')}`;
  const fullname = `${release}-antigenic-stalwart-helm-chart`;
  const labels = {
    'app.kubernetes.io/name': 'antigenic-stalwart-helm-chart',
    'app.kubernetes.io/instance': release,
  };
  const checksum = `${index.toString(16).padStart(8, '0')}`.repeat(8);
  const template = {
    metadata: { labels, annotations: { 'checksum/config': checksum } },
    spec: {
      containers: [
        {
          name: 'stalwart',
          image: 'stalwartlabs/stalwart:v0.15.5',
          ports: [{ name: 'http', containerPort: 8080 }],
        },
      ],
    },
  };
  const revision = `${fullname}-${checksum.slice(0, 10)}`;
  const replicas = 2;
  const pods = Array.from({ length: replicas }, (_, ordinal) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${fullname}-${ordinal}`,
      namespace,
      labels: {
        ...labels,
        'controller-revision-hash': revision,
        'apps.kubernetes.io/pod-index': String(ordinal),
      },
      annotations: { 'checksum/config': checksum },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: fullname,
          uid: `fleet-${index}`,
          controller: true,
        },
      ],
    },
    spec: template.spec,
    status: {
      phase: 'Running',
      podIP: `10.${Math.floor(index / 250) % 250}.${index % 250}.${
        ordinal + 10
      }`,
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        {
          name: 'stalwart',
          image: 'stalwartlabs/stalwart:v0.15.5',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: iso(now) } },
        },
      ],
    },
  }));
  const manifests = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${fullname}-config`, namespace, labels },
      data: {
        'config.toml': CONFIG.replace('HOSTNAME', `${release}.example.com`),
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: fullname, namespace, labels },
      spec: {
        replicas,
        serviceName: `${fullname}-headless`,
        selector: { matchLabels: labels },
        template,
      },
      status: {
        observedGeneration: 1,
        replicas,
        readyReplicas: replicas,
        currentReplicas: replicas,
        updatedReplicas: replicas,
        currentRevision: revision,
        updateRevision: revision,
      },
    },
    ...pods,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${fullname}-mail`, namespace, labels },
      spec: {
        type: 'LoadBalancer',
        selector: labels,
        ports: [
          { name: 'smtp', port: 25 },
          { name: 'http', port: 8080, targetPort: 'http' },
        ],
      },
      status: {
        loadBalancer: {
          ingress: [
            { ip: `198.18.${Math.floor(index / 250) % 250}.${index % 250}` },
          ],
        },
      },
    },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: `${fullname}-tls`, namespace, labels },
      spec: {
        secretName: `${fullname}-tls`,
        dnsNames: [`${release}.example.com`],
        issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' },
      },
      status: {
        conditions: [{ type: 'Ready', status: 'True', reason: 'Ready' }],
        notAfter: iso(
          new Date(now.getTime() + (10 + (index % 80)) * 86_400_000),
        ),
      },
    },
    {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: {
        name: release,
        namespace,
        labels: {
          'app.kubernetes.io/instance': release,
          ...RENDERER_WATCH_LABELS,
          'app.kubernetes.io/part-of': 'stalwart',
        },
      },
      spec: {
        interval: '30m',
        chart: {
          spec: {
            chart: 'antigenic-stalwart-helm-chart',
            version: '1.0.4',
            sourceRef: {
              kind: 'HelmRepository',
              name: 'antigenic-stalwart',
              namespace: 'flux-system',
            },
          },
        },
      },
      status: {
        lastAppliedRevision: '1.0.4',
        conditions: [
          { type: 'Ready', status: 'True', reason: 'UpgradeSucceeded' },
        ],
      },
    },
  ];
  const server: StalwartServerDocument = {
    apiVersion: SIMULATOR_API_VERSION,
    kind: 'StalwartServer',
    metadata: { name: release, namespace },
    spec: {
      version: 'v0.15.5',
      podSelector: labels,
      config: {
        configMap: { name: `${fullname}-config`, key: 'config.toml' },
        substitutions: { __NODE_ID__: 'podOrdinal' },
      },
      env: { ADMIN_SECRET: `fleet-admin-${index}` },
      database: {
        'queue.route.relay.address': 'smtp.relay.example',
        'queue.route.relay.type': 'relay',
      },
    },
  };
  return { manifests, server };
}

/**
 * A scenario of `instances` Antigenic-chart Stalwart instances spread round-robin over
 * `clusters` clusters (tokens `fleet-<cluster>-token`), for benchmarks; with `noise`, each
 * cluster also holds that many unrelated objects of other teams in namespaces of their own.
 *
 * @public
 */
export function generateFleet(options: {
  instances: number;
  clusters: number;
  now?: Date;
  noise?: number;
}): Scenario {
  const now = options.now ?? new Date();
  const clusters: ScenarioCluster[] = Array.from(
    { length: Math.max(1, options.clusters) },
    (_, i) => ({
      name: `fleet-${i + 1}`,
      kubernetesVersion: 'v1.31.4',
      users: [
        {
          name: 'system:serviceaccount:backstage:backstage',
          token: `fleet-${i + 1}-token`,
          deny: [],
        },
      ],
      manifests: [],
      stalwartServers: [],
    }),
  );
  for (let index = 0; index < options.instances; index++) {
    const cluster = clusters[index % clusters.length];
    const { manifests, server } = instanceObjects(index, now);
    cluster.manifests.push(...manifests);
    cluster.stalwartServers.push(server);
  }
  if (options.noise) {
    clusters.forEach((cluster, i) =>
      cluster.manifests.push(...noiseObjects(options.noise!, i)),
    );
  }
  return { name: `fleet-${options.instances}x${clusters.length}`, clusters };
}
