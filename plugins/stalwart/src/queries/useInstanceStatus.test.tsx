import type { Entity } from '@backstage/catalog-model';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { stalwartApiRef } from '../api/StalwartApi';
import { SharedQueryCache, stalwartQueryCacheApiRef } from './SharedQueryCache';
import { useInstanceStatus } from './useInstanceStatus';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail-edge',
    namespace: 'default',
    annotations: { 'stalwart.io/release': 'mail' },
  },
};

describe('useInstanceStatus', () => {
  const getInstanceStatus = jest.fn(async () => ({
    verdict: { state: 'healthy' },
  }));
  beforeEach(() => getInstanceStatus.mockClear());

  function render(signals?: SignalApi) {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider
        apis={[
          [stalwartApiRef, { getInstanceStatus } as any],
          [
            stalwartQueryCacheApiRef,
            new SharedQueryCache({ refreshIntervalMs: 50 }),
          ],
          ...(signals ? [[signalApiRef, signals] as const] : []),
        ]}
      >
        {children}
      </TestApiProvider>
    );
    return renderHook(() => useInstanceStatus(entity), { wrapper });
  }

  it('refreshes when the backend signals on the instance channel, and does not poll', async () => {
    const listeners = new Map<string, (message: any) => void>();
    const { result } = render({
      subscribe: (channel, onMessage) => {
        listeners.set(channel, onMessage as any);
        return { unsubscribe: () => listeners.delete(channel) };
      },
    });
    await waitFor(() => expect(result.current.data).toBeDefined());
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(getInstanceStatus).toHaveBeenCalledTimes(1);

    act(() =>
      listeners.get('stalwart:status:component:default/mail-edge')!({
        entityRef: 'component:default/mail-edge',
      }),
    );

    await waitFor(() => expect(getInstanceStatus).toHaveBeenCalledTimes(2));
  });

  it('polls on the configured interval when the signals plugin is not installed', async () => {
    render();

    await waitFor(() =>
      expect(getInstanceStatus.mock.calls.length).toBeGreaterThanOrEqual(3),
    );
  });
});
