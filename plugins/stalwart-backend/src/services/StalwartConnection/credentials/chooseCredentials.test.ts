import { chooseCredentials } from './chooseCredentials';

const base = { cluster: 'prod', namespace: 'mail', release: 'stalwart' };
const entry = {
  namespace: 'mail',
  release: 'stalwart',
  secretName: 'ops-key',
  secretNamespace: 'backstage',
  key: 'token',
  type: 'apiKey' as const,
};
const fallback = {
  secretName: 'stalwart-api',
  key: 'apiKey',
  type: 'basic' as const,
};
const annotated = (value: string) => ({
  'stalwart.io/credentials-secret': value,
});

describe('chooseCredentials', () => {
  it('prefers an instance entry (in its cluster or any) to the annotation and the default', () => {
    const choice = chooseCredentials({
      ...base,
      config: { instanceCredentials: [entry], defaultCredentials: fallback },
      annotations: annotated('other'),
    });
    expect(choice).toEqual({
      source: 'config',
      ref: {
        secretName: 'ops-key',
        secretNamespace: 'backstage',
        key: 'token',
        type: 'apiKey',
      },
    });
    const elsewhere = chooseCredentials({
      ...base,
      config: { instanceCredentials: [{ ...entry, cluster: 'staging' }] },
      annotations: {},
    });
    expect(elsewhere).toHaveProperty('problem');
  });

  it('reads type, name and key from the annotation, always in the instance namespace', () => {
    expect(
      chooseCredentials({
        ...base,
        config: { instanceCredentials: [], defaultCredentials: fallback },
        annotations: annotated(
          'basic:mail-stalwart-env/STALWART_RECOVERY_ADMIN',
        ),
      }),
    ).toEqual({
      source: 'annotation',
      ref: {
        type: 'basic',
        secretName: 'mail-stalwart-env',
        key: 'STALWART_RECOVERY_ADMIN',
        secretNamespace: 'mail',
      },
    });
    expect(
      chooseCredentials({
        ...base,
        config: { instanceCredentials: [] },
        annotations: annotated('api-key'),
      }),
    ).toMatchObject({
      ref: { type: 'apiKey', secretName: 'api-key', key: 'apiKey' },
    });
  });

  it('reads `<name>/<key>` as a Secret of the instance namespace, never as another namespace', () => {
    expect(
      chooseCredentials({
        ...base,
        config: { instanceCredentials: [] },
        annotations: annotated('kube-system/token'),
      }),
    ).toMatchObject({
      ref: { secretName: 'kube-system', key: 'token', secretNamespace: 'mail' },
    });
  });

  it.each(['kube-system/token/key', 'basic:', 'bearer:key', 'UPPER'])(
    'refuses the annotation value %s, naming the expected form',
    value => {
      const choice = chooseCredentials({
        ...base,
        config: { instanceCredentials: [] },
        annotations: annotated(value),
      });
      expect(choice).toEqual({
        problem: expect.stringContaining(
          '[apiKey:|basic:]<secret-name>[/<key>]',
        ),
      });
    },
  );

  it('falls back to the default, in the instance namespace unless it names one', () => {
    expect(
      chooseCredentials({
        ...base,
        config: { instanceCredentials: [], defaultCredentials: fallback },
        annotations: {},
      }),
    ).toEqual({
      source: 'default',
      ref: {
        secretName: 'stalwart-api',
        key: 'apiKey',
        type: 'basic',
        secretNamespace: 'mail',
      },
    });
  });
});
