import { ConfigReader } from '@backstage/config';
import { readStalwartConnectionConfig } from './readStalwartConnectionConfig';

describe('readStalwartConnectionConfig', () => {
  it('has defaults for every tuning key and no credentials', () => {
    expect(readStalwartConnectionConfig(new ConfigReader({}))).toEqual({
      requestTimeoutMs: 10_000,
      maxRetries: 2,
      maxRetryAfterMs: 30_000,
      idleTimeoutMs: 60_000,
      maxConnectionsPerPod: 2,
      credentialsCacheTtlMs: 300_000,
      defaultCredentials: undefined,
      instanceCredentials: [],
    });
  });

  it('reads durations, the default Secret and per-instance Secrets', () => {
    const config = readStalwartConnectionConfig(
      new ConfigReader({
        stalwart: {
          connection: {
            requestTimeout: { seconds: 3 },
            maxRetries: 0,
            idleTimeout: '2m',
          },
          credentials: {
            default: { secretName: 'stalwart-api' },
            instances: [
              {
                cluster: 'prod',
                namespace: 'mail',
                release: 'mx',
                secretName: 'admin',
                key: 'pair',
                type: 'basic',
              },
            ],
          },
        },
      }),
    );
    expect(config).toMatchObject({
      requestTimeoutMs: 3000,
      maxRetries: 0,
      idleTimeoutMs: 120_000,
      defaultCredentials: {
        secretName: 'stalwart-api',
        key: 'apiKey',
        type: 'apiKey',
      },
      instanceCredentials: [
        {
          cluster: 'prod',
          namespace: 'mail',
          release: 'mx',
          secretName: 'admin',
          key: 'pair',
          type: 'basic',
        },
      ],
    });
  });

  it.each([
    [
      { secretName: 'Bad_Name' },
      'stalwart.credentials.default.secretName "Bad_Name" is not a Kubernetes Secret name',
    ],
    [
      { secretName: 'ok', key: 'a/b' },
      'stalwart.credentials.default.key "a/b" is not a Secret data key',
    ],
    [
      { secretName: 'ok', type: 'token' },
      'stalwart.credentials.default.type must be apiKey or basic, not "token"',
    ],
  ])('refuses %j at startup, naming the key and the rule', (entry, message) => {
    expect(() =>
      readStalwartConnectionConfig(
        new ConfigReader({ stalwart: { credentials: { default: entry } } }),
      ),
    ).toThrow(message);
  });
});
