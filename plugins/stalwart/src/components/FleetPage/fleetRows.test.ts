import type { Entity } from '@backstage/catalog-model';
import {
  clusterStatus,
  statusResponse,
} from '../../__testUtils__/statusFixtures';
import { fleetRow } from './fleetRows';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail',
    annotations: { 'stalwart.io/release': 'mail', ...annotations },
  },
  spec: { owner: 'group:default/mail-team' },
});
const status = statusResponse([
  clusterStatus({ cluster: 'homelab' }),
  clusterStatus({ cluster: 'edge' }),
]);

describe('fleetRow', () => {
  it('names the clusters the entity names, before and after its status loads', () => {
    const named = entity({ 'stalwart.io/clusters': 'edge' });
    expect(fleetRow(named, undefined, undefined).clusters).toEqual(['edge']);
    expect(
      fleetRow(named, { data: status, fetching: false }, undefined).clusters,
    ).toEqual(['edge']);
  });

  it('names the clusters its status covers when the entity names none, as it then runs in every configured cluster', () => {
    const everywhere = entity({});
    expect(fleetRow(everywhere, undefined, undefined).clusters).toEqual([]);
    expect(
      fleetRow(everywhere, { data: status, fetching: false }, undefined)
        .clusters,
    ).toEqual(['homelab', 'edge']);
  });
});
