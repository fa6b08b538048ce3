/**
 * The olsontech chart's default values.yaml (shared/reference/charts/olsontech), as data: the base
 * every rendered values.yaml starts from, so the output is the complete chart values.
 * A test checks it still equals the reference file.
 */
export const OLSONTECH_DEFAULT_VALUES = {
  replicaCount: 1,
  image: {
    repository: 'stalwartlabs/stalwart',
    pullPolicy: 'IfNotPresent',
    tag: 'v0.14.1',
  },
  initImage: {
    repository: 'busybox',
    tag: '1.36.1',
    pullPolicy: 'IfNotPresent',
  },
  imagePullSecrets: [],
  nameOverride: '',
  fullnameOverride: '',
  serviceAccount: {
    create: true,
    automount: true,
    annotations: {},
    name: '',
  },
  annotations: {},
  podAnnotations: {},
  podLabels: {},
  podSecurityContext: {
    runAsNonRoot: true,
    runAsUser: 8080,
    fsGroup: 8080,
    fsGroupChangePolicy: 'OnRootMismatch',
  },
  securityContext: {
    capabilities: {
      drop: ['ALL'],
    },
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: false,
  },
  service: {
    type: 'LoadBalancer',
    externalTrafficPolicy: 'Local',
    ipFamilyPolicy: 'SingleStack',
    ports: [
      {
        name: 'http',
        port: 80,
        targetPort: 8080,
        protocol: 'TCP',
      },
      {
        name: 'https',
        port: 443,
        targetPort: 443,
        protocol: 'TCP',
      },
      {
        name: 'smtp',
        port: 25,
        targetPort: 25,
        protocol: 'TCP',
      },
      {
        name: 'submission',
        port: 587,
        targetPort: 587,
        protocol: 'TCP',
      },
      {
        name: 'smtps',
        port: 465,
        targetPort: 465,
        protocol: 'TCP',
      },
      {
        name: 'imap',
        port: 143,
        targetPort: 143,
        protocol: 'TCP',
      },
      {
        name: 'imaps',
        port: 993,
        targetPort: 993,
        protocol: 'TCP',
      },
      {
        name: 'sieve',
        port: 4190,
        targetPort: 4190,
        protocol: 'TCP',
      },
    ],
  },
  ingress: {
    enabled: false,
    className: '',
    annotations: {},
    hosts: [
      {
        host: 'chart-example.local',
        paths: [
          {
            path: '/',
            pathType: 'ImplementationSpecific',
          },
        ],
      },
    ],
    tls: [],
  },
  resources: {
    limits: {
      cpu: '2000m',
      memory: '4Gi',
    },
    requests: {
      cpu: '500m',
      memory: '1Gi',
    },
  },
  livenessProbe: {
    httpGet: {
      path: '/',
      port: 'http',
    },
  },
  readinessProbe: {
    httpGet: {
      path: '/',
      port: 'http',
    },
  },
  autoscaling: {
    enabled: false,
    minReplicas: 1,
    maxReplicas: 100,
    targetCPUUtilizationPercentage: 80,
  },
  nodeSelector: {},
  tolerations: [],
  affinity: {},
  tls: {
    dnsNames: [],
    acmeDnsServer: 'https://acme-dns.example.com',
    acmeServer: 'https://acme-v02.api.letsencrypt.org/directory',
    accountSecretRef: {},
  },
  stalwart: {
    defaultHostname: 'mail.example.com',
    fallbackAdmin: {
      enabled: false,
    },
    metrics: {
      otel: {
        enabled: false,
        transport: 'grpc',
        endpoint: 'https://otel-collector.example.com',
        interval: '30s',
      },
    },
    tracer: {
      console: {
        enabled: true,
        level: 'info',
        ansi: true,
      },
      enabled: false,
      path: '/var/log/stalwart',
      prefix: 'stalwart.log',
      rotate: 'daily',
      level: 'info',
      ansi: false,
      otel: {
        transport: 'http',
        logsEndpoint: 'https://otel-collector.example.com:4318/v1/logs',
        tracesEndpoint: 'https://otel-collector.example.com:4318/v1/traces',
        level: 'info',
        enableLogExporter: true,
        enableSpanExporter: true,
        throttle: '1s',
      },
    },
  },
  clustering: {
    enabled: false,
    replicas: 3,
    nats: {
      addresses: ['nats://nats-server.default.svc.cluster.local:4222'],
      authEnabled: false,
      credentialsSecret: 'stalwart-nats-credentials',
      tls: {
        enabled: false,
      },
      noEcho: true,
      pingInterval: '60s',
      maxReconnects: 0,
      timeouts: {
        connection: '5s',
        request: '10s',
      },
      capacity: {
        client: 2048,
        subscription: 65536,
        readBuffer: 65535,
      },
    },
  },
  certManager: {
    namespace: 'cert-manager',
  },
  fdb: {
    secrets: {
      clusterFile: 'stalwart-fdb-cluster-file',
      clientCert: 'stalwart-fdb-client-cert',
    },
    compression: 'lz4',
    tls: {
      peerVerification: 'Check.Valid=1,Check.Unexpired=1',
    },
  },
  fdbClientCert: {
    enabled: false,
    serviceAccount: {
      create: true,
      name: 'fdb-client-issuer',
    },
    issuer: {
      name: 'fdb-client-issuer',
      server: 'https://vault.example.com:8200',
      path: 'pki_int/sign/fdb-client',
      role: 'fdb-client',
      kubernetesAuthPath: 'kubernetes',
      caBundle: '',
    },
    rootCA: {
      path: 'pki/cert/ca',
      role: 'pki-root-ca-reader',
      caBundle: '',
      caSecretRef: {
        name: '',
        key: 'ca.crt',
      },
    },
    certificate: {
      name: 'stalwart-fdb-client',
      secretName: 'stalwart-fdb-client-cert',
      commonName: 'stalwart-fdb-client',
      duration: '24h',
      renewBefore: '2h',
    },
  },
};
