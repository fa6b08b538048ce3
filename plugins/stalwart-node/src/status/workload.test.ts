import { evaluateWorkload } from './workload';
import type {
  DeploymentObject,
  StatefulSetObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import statefulSetFixture from './__fixtures__/statefulset.json';
import deploymentFixture from './__fixtures__/deployment-rocksdb.json';

const statefulSet = statefulSetFixture as StatefulSetObject;
const deployment = deploymentFixture as DeploymentObject;

function withStatus(
  patch: Partial<NonNullable<StatefulSetObject['status']>>,
): StatefulSetObject {
  return { ...statefulSet, status: { ...statefulSet.status!, ...patch } };
}

describe('evaluateWorkload', () => {
  it('reports a settled StatefulSet with all replicas ready and no findings', () => {
    const status = evaluateWorkload({
      workload: statefulSet,
      dataStore: 'postgresql',
    });

    expect(status).toEqual({
      kind: 'StatefulSet',
      name: 'mail-antigenic-stalwart-helm-chart',
      replicas: { desired: 3, ready: 3, updated: 3, current: 3, available: 3 },
      revisions: {
        current: 'mail-antigenic-stalwart-helm-chart-7d9c5b8f6d',
        update: 'mail-antigenic-stalwart-helm-chart-7d9c5b8f6d',
      },
      rolloutInProgress: false,
      updateStrategy: 'RollingUpdate',
      dataStore: 'postgresql',
      reasons: [],
    });
  });

  it('sees a rollout in progress while the update revision differs from the current one', () => {
    const status = evaluateWorkload({
      workload: withStatus({
        updateRevision: 'mail-antigenic-stalwart-helm-chart-5c4b3a2918',
        updatedReplicas: 1,
        readyReplicas: 2,
      }),
    });

    expect(status?.rolloutInProgress).toBe(true);
    expect(status?.reasons.map(r => [r.code, r.severity])).toEqual([
      ['workload.degraded', 'warning'],
      ['workload.rollout-in-progress', 'info'],
    ]);
  });

  it('sees a rollout in progress while the controller has not observed the new generation', () => {
    const status = evaluateWorkload({
      workload: withStatus({ observedGeneration: 2 }),
    });
    expect(status?.rolloutInProgress).toBe(true);
  });

  it('is critical when no replica is ready', () => {
    const status = evaluateWorkload({
      workload: withStatus({ readyReplicas: 0, availableReplicas: 0 }),
    });
    expect(status?.reasons[0]).toMatchObject({
      code: 'workload.unavailable',
      severity: 'critical',
    });
  });

  it('warns about a workload scaled to zero', () => {
    const status = evaluateWorkload({
      workload: { ...statefulSet, spec: { ...statefulSet.spec!, replicas: 0 } },
    });
    expect(status?.reasons[0].code).toBe('workload.scaled-to-zero');
  });

  it('flags RollingUpdate on a single RocksDB Deployment, the LOCK problem', () => {
    const status = evaluateWorkload({
      workload: deployment,
      dataStore: 'rocksdb',
    });

    expect(status).toMatchObject({
      kind: 'Deployment',
      updateStrategy: 'RollingUpdate',
      revisions: { current: '2', update: '2' },
      rolloutInProgress: false,
    });
    expect(status?.reasons).toEqual([
      expect.objectContaining({
        code: 'workload.local-store-rolling-update',
        severity: 'warning',
      }),
    ]);
  });

  it('accepts Recreate on a RocksDB Deployment', () => {
    const status = evaluateWorkload({
      workload: {
        ...deployment,
        spec: { ...deployment.spec!, strategy: { type: 'Recreate' } },
      },
      dataStore: 'rocksdb',
    });
    expect(status?.reasons).toEqual([]);
  });

  it('warns when a RocksDB instance runs several replicas', () => {
    const status = evaluateWorkload({
      workload: statefulSet,
      dataStore: 'rocksdb',
    });
    expect(status?.reasons.map(r => r.code)).toEqual([
      'workload.local-store-replicas',
    ]);
  });

  it('reports a Deployment whose rollout exceeded its progress deadline as critical', () => {
    const stuck: DeploymentObject = {
      ...deployment,
      status: {
        ...deployment.status!,
        updatedReplicas: 0,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "stalwart-7f9d" has timed out progressing.',
          },
        ],
      },
    };
    const status = evaluateWorkload({ workload: stuck });
    expect(status?.rolloutInProgress).toBe(true);
    expect(status?.reasons.map(r => [r.code, r.severity])).toEqual([
      ['workload.rollout-stuck', 'critical'],
    ]);
  });

  it('returns undefined when the release has no workload', () => {
    expect(evaluateWorkload({})).toBeUndefined();
  });
});
