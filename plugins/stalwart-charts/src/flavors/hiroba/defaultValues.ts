/**
 * The hiroba chart's default values.yaml (shared/reference/charts/hiroba-base), as data: the base
 * every rendered values.yaml starts from, so the output is the complete chart values.
 * A test checks it still equals the reference file.
 */
export const HIROBA_DEFAULT_VALUES = {
  replicaCount: 1,
  image: {
    repository: 'docker.io/stalwartlabs/stalwart',
    pullPolicy: 'IfNotPresent',
    tag: '',
  },
  imagePullSecrets: [],
  nameOverride: '',
  fullnameOverride: '',
  serviceAccount: {
    create: true,
    annotations: {},
    name: '',
  },
  podAnnotations: {},
  podSecurityContext: {
    runAsNonRoot: true,
    runAsUser: 2000,
    runAsGroup: 2000,
    fsGroup: 2000,
  },
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: {
      drop: ['ALL'],
      add: ['NET_BIND_SERVICE'],
    },
  },
  updateStrategy: {
    type: 'RollingUpdate',
  },
  podManagementPolicy: 'OrderedReady',
  service: {
    type: 'ClusterIP',
    externalTrafficPolicy: '',
    ports: {
      http: 8080,
      smtp: 25,
      submission: 587,
      submissions: 465,
      imap: 143,
      imaps: 993,
      pop3: 110,
      pop3s: 995,
      sieve: 4190,
    },
    annotations: {},
  },
  headlessService: {
    enabled: true,
    annotations: {},
  },
  gateway: {
    enabled: true,
    annotations: {},
    parentRefs: [
      {
        name: 'default-gateway',
      },
    ],
    hostnames: ['mail.example.com'],
    rules: [],
  },
  resources: {
    limits: {
      cpu: '2',
      memory: '2Gi',
    },
    requests: {
      cpu: '250m',
      memory: '512Mi',
    },
  },
  livenessProbe: {
    httpGet: {
      path: '/healthz/live',
      port: 'http',
    },
    initialDelaySeconds: 30,
    periodSeconds: 30,
    timeoutSeconds: 5,
  },
  readinessProbe: {
    httpGet: {
      path: '/healthz/ready',
      port: 'http',
    },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    timeoutSeconds: 5,
  },
  autoscaling: {
    enabled: false,
    minReplicas: 1,
    maxReplicas: 1,
    targetCPUUtilizationPercentage: 80,
  },
  podDisruptionBudget: {
    enabled: false,
    minAvailable: 1,
  },
  persistence: {
    data: {
      enabled: true,
      size: '20Gi',
      storageClass: '',
      accessMode: 'ReadWriteOnce',
      annotations: {},
    },
  },
  config: {
    '@type': 'RocksDb',
    path: '/var/lib/stalwart',
  },
  secrets: {
    create: false,
    env: {},
  },
  recoveryAdmin: {
    enabled: false,
  },
  nats: {
    enabled: false,
    url: '',
    authSecret: {
      name: '',
      key: 'token',
    },
  },
  nodeSelector: {},
  tolerations: [],
  affinity: {},
  env: [],
  envFrom: [],
  extraVolumes: [],
  extraVolumeMounts: [],
};
