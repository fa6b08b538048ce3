import type { ClusterClient } from '../../ClusterClientService/createClusterClient';
import type { CredentialsChoice } from './chooseCredentials';
import { SecretCredentialsReader } from './SecretCredentialsReader';

const choice: CredentialsChoice = {
  ref: {
    secretName: 'stalwart-admin',
    secretNamespace: 'mail',
    key: 'apiKey',
    type: 'apiKey',
  },
  source: 'default',
};
const target = (pod: string) => ({
  cluster: 'homelab',
  namespace: 'mail',
  pod,
});

function clusterWith(get: jest.Mock): ReadonlyMap<string, ClusterClient> {
  return new Map([['homelab', { get } as unknown as ClusterClient]]);
}

const secretWith = (value: string) => ({
  data: { apiKey: Buffer.from(value).toString('base64') },
});

describe('SecretCredentialsReader', () => {
  it('reads the Secret once for the pods of an instance and sends its value as a bearer token', async () => {
    const get = jest.fn().mockResolvedValue(secretWith('api_example\n'));
    const reader = new SecretCredentialsReader(clusterWith(get), 60_000);
    const headers = await Promise.all(
      ['stalwart-0', 'stalwart-1'].map(pod =>
        reader.forPod(choice, target(pod)).authorization(),
      ),
    );
    expect(headers).toEqual(['Bearer api_example', 'Bearer api_example']);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('names each pod in its own failure when the shared Secret read fails', async () => {
    const get = jest
      .fn()
      .mockRejectedValue(
        Object.assign(new Error('not found'), { statusCode: 404 }),
      );
    const reader = new SecretCredentialsReader(clusterWith(get), 60_000);
    const failures = await Promise.all(
      ['stalwart-0', 'stalwart-1', 'stalwart-2'].map(pod =>
        reader
          .forPod(choice, target(pod))
          .authorization()
          .catch(error => error),
      ),
    );
    expect(failures.map(f => f.target.pod)).toEqual([
      'stalwart-0',
      'stalwart-1',
      'stalwart-2',
    ]);
    for (const failure of failures) {
      expect(failure.reason).toBe('credentials-unavailable');
      expect(failure.message).toContain(
        'Secret mail/stalwart-admin does not exist',
      );
    }
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('tries the Secret again after a failed read instead of remembering the failure', async () => {
    const get = jest
      .fn()
      .mockRejectedValueOnce(
        Object.assign(new Error('forbidden'), { statusCode: 403 }),
      )
      .mockResolvedValue(secretWith('api_second'));
    const reader = new SecretCredentialsReader(clusterWith(get), 60_000);
    const credentials = reader.forPod(choice, target('stalwart-0'));
    await expect(credentials.authorization()).rejects.toThrow(
      /may not read Secret mail\/stalwart-admin/,
    );
    await expect(credentials.authorization()).resolves.toBe(
      'Bearer api_second',
    );
  });

  it('reuses a value until its time to live ends or Stalwart rejects it', async () => {
    let now = 0;
    const get = jest
      .fn()
      .mockResolvedValueOnce(secretWith('api_first'))
      .mockResolvedValue(secretWith('api_rotated'));
    const reader = new SecretCredentialsReader(
      clusterWith(get),
      1_000,
      () => now,
    );
    const credentials = reader.forPod(choice, target('stalwart-0'));
    await expect(credentials.authorization()).resolves.toBe('Bearer api_first');
    now = 999;
    await expect(credentials.authorization()).resolves.toBe('Bearer api_first');
    now = 1_000;
    await expect(credentials.authorization()).resolves.toBe(
      'Bearer api_rotated',
    );
    credentials.invalidate();
    await credentials.authorization();
    expect(get).toHaveBeenCalledTimes(3);
  });
});
