import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { createStatusSignals } from './createStatusSignals';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail-edge',
    namespace: 'default',
    annotations: {
      'stalwart.io/release': 'mail',
      'stalwart.io/namespace': 'mail',
    },
  },
};
const entityRef = 'component:default/mail-edge';

describe('createStatusSignals', () => {
  let verdict = 'healthy';
  let phase = 'running';
  const statusReads = jest.fn();
  const published: unknown[] = [];
  let emit: (change: { cluster: string; namespace: string }) => void;
  const signalling = createStatusSignals({
    statusService: {
      getStatus: async () => {
        statusReads();
        return {
          entityRef,
          instance: { release: 'mail', namespace: 'mail' },
          verdict: { state: verdict, reasons: [] },
          lifecycle: { phase, message: '' },
        } as unknown as InstanceStatusResponseV1;
      },
    },
    cache: {
      onChange: listener => {
        emit = listener;
        return () => undefined;
      },
    },
    signals: { publish: async signal => void published.push(signal) },
    logger: mockServices.logger.mock(),
    debounceMs: 20,
  });
  const settle = () => new Promise(resolve => setTimeout(resolve, 60));

  afterAll(() => signalling.stop());
  beforeEach(() => {
    published.length = 0;
    statusReads.mockClear();
  });

  it('compares nothing for an instance nobody looked at', async () => {
    emit({ cluster: 'edge', namespace: 'mail' });
    await settle();
    expect(statusReads).not.toHaveBeenCalled();
  });

  it('signals on the instance channel once its verdict changes, after changes settle', async () => {
    await signalling.statusService.getStatus(resolvedInstanceOf(entity));
    statusReads.mockClear();

    verdict = 'critical';
    for (let i = 0; i < 5; i++) emit({ cluster: 'edge', namespace: 'mail' });
    await settle();

    expect(statusReads).toHaveBeenCalledTimes(1);
    expect(published).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'stalwart:status:component:default/mail-edge',
        message: { entityRef },
      },
    ]);
  });

  it('stays quiet when an object changes but neither verdict nor lifecycle does', async () => {
    emit({ cluster: 'edge', namespace: 'mail' });
    await settle();
    expect(statusReads).toHaveBeenCalledTimes(1);
    expect(published).toEqual([]);
  });

  it('signals a lifecycle change, and ignores changes in other namespaces', async () => {
    phase = 'reconciling';
    emit({ cluster: 'edge', namespace: 'other' });
    await settle();
    expect(published).toEqual([]);

    emit({ cluster: 'edge', namespace: 'mail' });
    await settle();
    expect(published).toHaveLength(1);
  });

  it('does not read again a status that was read after the last change reached the cache', async () => {
    emit({ cluster: 'edge', namespace: 'mail' });
    verdict = 'degraded';
    await signalling.statusService.getStatus(resolvedInstanceOf(entity));
    await settle();

    expect(statusReads).toHaveBeenCalledTimes(1);
    expect(published).toEqual([]);
  });

  it('reads again when another change arrives after that read, within the same wait', async () => {
    emit({ cluster: 'edge', namespace: 'mail' });
    await signalling.statusService.getStatus(resolvedInstanceOf(entity));
    verdict = 'healthy';
    emit({ cluster: 'edge', namespace: 'mail' });
    await settle();

    expect(statusReads).toHaveBeenCalledTimes(2);
    expect(published).toHaveLength(1);
  });
});
