import { loadConfigSchema, type ConfigSchema } from '@backstage/config-loader';
import type { JsonObject } from '@backstage/types';

// The schemas the way an app's `backstage-cli config:check --strict` and its frontend build
// collect them: from the installed packages' `configSchema` (our `config.d.ts` files, compiled
// by the loader) next to the core Kubernetes plugin's, whose cluster keys the backend reads.
// Their own dependencies' schemas (app, backend, ...) are left out: they would only ask for
// keys every app has.
const packages = [
  '@stalwart-backstage/plugin-stalwart-backend',
  '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart',
  '@stalwart-backstage/plugin-stalwart',
  '@backstage/plugin-kubernetes-backend',
];

const validConfig = {
  kubernetes: {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'production',
            url: 'https://kubernetes.example.com',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'cluster-token-that-must-stay-on-the-server',
          },
        ],
      },
    ],
  },
  stalwart: {
    status: { requestTimeout: '10s', maxRetries: 2, watchScope: 'namespace' },
    connection: { maxConnectionsPerPod: 2 },
    credentials: {
      default: { secretName: 'backstage-stalwart-api-key', key: 'apiKey' },
      instances: [
        { namespace: 'mail', release: 'mail', secretName: 'mail-api-key' },
      ],
    },
    remediation: { rateLimit: { requests: 10, window: { minutes: 1 } } },
    notifications: {
      enabled: true,
      certificateExpiryDays: [14, 3],
      drift: { enabled: true, maxInstancesPerRun: 5 },
    },
    gitops: { localRepository: '.data/fleet-repo', resultWait: '5s' },
    frontend: { refreshInterval: { seconds: 30 }, docsUrl: 'https://x.test' },
  },
};

let schema: ConfigSchema;

beforeAll(async () => {
  schema = await loadConfigSchema({
    dependencies: packages,
    excludePackageDependencies: true,
  });
}, 120_000);

function validate(data: JsonObject) {
  return schema.process([{ data, context: 'app-config.yaml' }]);
}

function validationMessages(data: JsonObject): string[] {
  try {
    validate(data);
  } catch (error) {
    return (error as { messages?: string[] }).messages ?? [String(error)];
  }
  throw new Error('expected the config to be rejected');
}

function withStalwart(stalwart: JsonObject): JsonObject {
  return { ...validConfig, stalwart: { ...validConfig.stalwart, ...stalwart } };
}

describe('the config schema the plugins ship', () => {
  it('accepts the configuration the README documents', () => {
    expect(() => validate(validConfig)).not.toThrow();
  });

  it('rejects a credentials entry without its secretName, naming the key', () => {
    const messages = validationMessages(
      withStalwart({ credentials: { default: { key: 'apiKey' } } }),
    );

    expect(messages).toEqual([
      expect.stringMatching(
        /required property 'secretName'.*\/stalwart\/credentials\/default/,
      ),
    ]);
  });

  it('rejects a number written as text, naming the key and the type', () => {
    const messages = validationMessages(
      withStalwart({ status: { maxRetries: 'two' } }),
    );

    expect(messages).toEqual([
      expect.stringMatching(/must be number.*\/stalwart\/status\/maxRetries/),
    ]);
  });

  it('rejects a value outside an enumeration, naming the key and the allowed values', () => {
    const messages = validationMessages(
      withStalwart({ status: { watchScope: 'everywhere' } }),
    );

    expect(messages.join('\n')).toMatch(
      /\/stalwart\/status\/watchScope[\s\S]*cluster[\s\S]*namespace|cluster[\s\S]*namespace[\s\S]*\/stalwart\/status\/watchScope/,
    );
  });

  it('hands the frontend its own keys only: no backend tuning, no Secret names, no cluster token', () => {
    const [frontendConfig] = schema.process(
      [{ data: validConfig, context: 'app-config.yaml' }],
      { visibility: ['frontend'] },
    );

    expect(frontendConfig.data.stalwart).toEqual({
      frontend: { refreshInterval: { seconds: 30 }, docsUrl: 'https://x.test' },
    });
    expect(JSON.stringify(frontendConfig.data)).not.toContain(
      'cluster-token-that-must-stay-on-the-server',
    );
  });

  it('marks the cluster token as a secret, so the backend redacts it from its logs', () => {
    const secrets: string[] = [];
    schema.process([{ data: validConfig, context: 'app-config.yaml' }], {
      valueTransform: (value, { path, visibility }) => {
        if (visibility === 'secret') secrets.push(path);
        return value;
      },
    });

    expect(secrets).toEqual([
      'kubernetes.clusterLocatorMethods[0].clusters[0].serviceAccountToken',
    ]);
  });
});
