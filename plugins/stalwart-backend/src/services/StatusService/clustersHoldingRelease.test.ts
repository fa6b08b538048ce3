import type { ClusterInstanceStatusV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { clustersHoldingRelease } from './clustersHoldingRelease';

const verdict = { state: 'healthy' as const, reasons: [] };
const empty = (cluster: string): ClusterInstanceStatusV1 => ({
  cluster,
  data: 'live',
  workload: null,
  pods: [],
  certificate: {
    state: 'missing',
    reasons: [],
  } as unknown as ClusterInstanceStatusV1['certificate'],
  gitops: { tool: 'none', reasons: [] },
  verdict,
});
const running = (cluster: string): ClusterInstanceStatusV1 => ({
  ...empty(cluster),
  workload: {
    kind: 'StatefulSet',
    name: 'mail',
  } as unknown as ClusterInstanceStatusV1['workload'],
});

describe('the clusters an instance lives in', () => {
  it('are those holding its release when the entity names none', () => {
    expect(
      clustersHoldingRelease([empty('edge'), running('homelab')], false).map(
        c => c.cluster,
      ),
    ).toEqual(['homelab']);
  });

  it('are every cluster the entity names, so a release gone from one stays a finding', () => {
    expect(
      clustersHoldingRelease([empty('edge'), running('homelab')], true),
    ).toHaveLength(2);
  });

  it('are every searched cluster while no cluster holds the release yet', () => {
    expect(
      clustersHoldingRelease([empty('edge'), empty('homelab')], false),
    ).toHaveLength(2);
  });

  it('keep a cluster that could not be read: what it holds is unknown', () => {
    const unreadable = { ...empty('edge'), data: 'unavailable' as const };
    expect(
      clustersHoldingRelease([unreadable, running('homelab')], false).map(
        c => c.cluster,
      ),
    ).toEqual(['edge', 'homelab']);
  });
});
