import { mockServices } from '@backstage/backend-test-utils';
import type { ClusterConfig } from '../../config/types';
import type {
  ClusterSupplier,
  SuppliedClusters,
} from '../ClusterSupplier/types';
import { createClusterClientService } from './createClusterClientService';

const cluster = (name: string, url = `https://${name}.example.com`) =>
  ({
    name,
    url,
    serviceAccountToken: 't',
    skipTLSVerify: false,
  } as ClusterConfig);

function changingSupplier(initial: SuppliedClusters) {
  let next: SuppliedClusters | Error = initial;
  const supplier: ClusterSupplier = {
    locator: 'catalog',
    getClusters: async () => {
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return {
    supplier,
    answer: (clusters: SuppliedClusters | Error) => {
      next = clusters;
    },
  };
}

const policy = { requestTimeoutMs: 100, maxRetries: 0, maxBackoffMs: 10 };

describe('createClusterClientService with cluster suppliers', () => {
  it('adds and removes located clusters on refresh, and names the ones that went or changed', async () => {
    const catalog = changingSupplier({
      clusters: [cluster('a'), cluster('b')],
      unsupportedClusters: [],
    });
    const service = createClusterClientService({
      clusters: [cluster('fixed')],
      suppliers: [catalog.supplier],
    });
    const changes: string[][] = [];
    service.onClustersChanged(changed => changes.push(changed));
    expect(service.clusterNames()).toEqual(['fixed']);

    await service.refresh();
    expect(service.clusterNames()).toEqual(['fixed', 'a', 'b']);
    expect(service.client('a', policy).name).toBe('a');
    expect(changes).toEqual([]);

    catalog.answer({
      clusters: [cluster('b', 'https://moved.example.com'), cluster('c')],
      unsupportedClusters: [{ name: 'd', reason: 'its URL is malformed' }],
    });
    await service.refresh();
    expect(service.clusterNames()).toEqual(['fixed', 'b', 'c']);
    expect(changes).toEqual([['a', 'b']]);
    expect(service.unsupportedReason('d')).toBe('its URL is malformed');
    expect(() => service.client('a', policy)).toThrow(
      'Cluster a is not configured',
    );
  });

  it('keeps the last clusters of a locator that fails, and says why an unknown cluster may be missing', async () => {
    const catalog = changingSupplier({
      clusters: [cluster('a')],
      unsupportedClusters: [],
    });
    const logger = mockServices.logger.mock();
    const service = createClusterClientService({
      clusters: [],
      suppliers: [catalog.supplier],
      logger,
    });
    await service.refresh();
    catalog.answer(new Error('catalog answered 503'));
    await service.refresh();

    expect(service.clusterNames()).toEqual(['a']);
    expect(service.unsupportedReason('a')).toBeUndefined();
    expect(service.unsupportedReason('z')).toBe(
      'it was not located, and the catalog locator failed: catalog answered 503',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not read the clusters of the catalog cluster locator: catalog answered 503',
    );
  });

  it('keeps the first of two clusters with one name, as fixed config comes first', async () => {
    const catalog = changingSupplier({
      clusters: [cluster('prod', 'https://impostor.example.com')],
      unsupportedClusters: [],
    });
    const service = createClusterClientService({
      clusters: [cluster('prod')],
      suppliers: [catalog.supplier],
      logger: mockServices.logger.mock(),
    });
    await service.refresh();
    expect(
      service.client('prod', policy).kubeConfig.getCurrentCluster()?.server,
    ).toBe('https://prod.example.com');
  });
});
