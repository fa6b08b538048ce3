/**
 * The kgrubb chart's default values.yaml (shared/reference/charts/kgrubb), as data: the base
 * every rendered values.yaml starts from, so the output is the complete chart values.
 * A test checks it still equals the reference file.
 */
export const KGRUBB_DEFAULT_VALUES = {
  image: {
    repository: 'stalwartlabs/stalwart',
    tag: 'v0.16.18',
    pullPolicy: 'IfNotPresent',
  },
  replicaCount: 1,
  role: '',
  pushShard: '',
  recoveryAdmin: {
    enabled: false,
    username: 'admin',
    password: '',
    existingSecret: '',
    usernameKey: 'username',
    passwordKey: 'password',
  },
  recoveryMode: {
    enabled: false,
    port: 8080,
    logLevel: 'info',
  },
  extraEnv: {},
  extraSecretEnv: {},
  bootstrap: {
    enabled: false,
    ttlSecondsAfterFinished: 300,
    apiUrl: '',
    domain: '',
    accounts: [],
    groups: [],
    oidc: {
      issuerUrl: '',
      description: '',
      requireAudience: '',
      requireScopes: [],
      claimUsername: '',
      usernameDomain: '',
      claimName: '',
      claimGroups: '',
    },
  },
  mailTls: {
    enabled: false,
    existingSecret: '',
    certKey: 'tls.crt',
    privateKeyKey: 'tls.key',
    mountPath: '/etc/stalwart/tls/ingress',
    hostname: '',
    domain: '',
    reloadIntervalSeconds: 300,
  },
  config: {
    '@type': 'RocksDb',
    path: '/var/lib/stalwart',
  },
  service: {
    type: 'ClusterIP',
    ports: {
      smtp: 25,
      smtps: 465,
      submission: 587,
      imap: 143,
      imaps: 993,
      pop3: 110,
      pop3s: 995,
      sieve: 4190,
      http: 80,
      https: 443,
      mgmt: 8080,
    },
  },
  mailService: {
    enabled: false,
    name: '',
    type: 'LoadBalancer',
    externalTrafficPolicy: '',
    loadBalancerIP: '',
    annotations: {},
  },
  ingress: {
    enabled: false,
    className: '',
    annotations: {},
    hosts: [
      {
        host: 'mail.example.org',
        paths: [
          {
            path: '/',
            pathType: 'Prefix',
            portName: 'https',
          },
        ],
      },
    ],
    tls: [],
  },
  persistence: {
    enabled: true,
    accessMode: 'ReadWriteOnce',
    storageClass: '',
    size: '20Gi',
  },
  resources: {},
  podSecurityContext: {
    fsGroup: 2000,
    runAsUser: 2000,
    runAsGroup: 2000,
    runAsNonRoot: true,
    seccompProfile: {
      type: 'RuntimeDefault',
    },
  },
  containerSecurityContext: {
    allowPrivilegeEscalation: false,
    capabilities: {
      drop: ['ALL'],
      add: ['NET_BIND_SERVICE'],
    },
  },
};
