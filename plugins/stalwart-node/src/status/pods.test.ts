import { evaluatePods } from './pods';
import type {
  DeploymentObject,
  PodObject,
  StatefulSetObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import statefulSetFixture from './__fixtures__/statefulset.json';
import podsFixture from './__fixtures__/pods.json';
import deploymentFixture from './__fixtures__/deployment-rocksdb.json';

const statefulSet = statefulSetFixture as StatefulSetObject;
const pods = podsFixture as PodObject[];

function crashLooping(pod: PodObject): PodObject {
  const container = pod.status!.containerStatuses![0];
  return {
    ...pod,
    status: {
      ...pod.status!,
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [
        {
          ...container,
          ready: false,
          restartCount: 7,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: 'back-off 5m0s restarting failed container',
            },
          },
          lastState: {
            terminated: {
              exitCode: 137,
              reason: 'OOMKilled',
              finishedAt: '2026-09-15T10:00:00Z',
            },
          },
        },
      ],
    },
  };
}

describe('evaluatePods', () => {
  it('reports ordinal, node id, version, node and config freshness per pod in ordinal order', () => {
    const result = evaluatePods({
      pods: [pods[2], pods[0], pods[1]],
      workload: statefulSet,
      configChecksumAnnotation: 'checksum/config',
    });

    expect(result.reasons).toEqual([]);
    expect(result.pods.map(p => p.name)).toEqual([
      'mail-antigenic-stalwart-helm-chart-0',
      'mail-antigenic-stalwart-helm-chart-1',
      'mail-antigenic-stalwart-helm-chart-2',
    ]);
    expect(result.pods[0]).toEqual({
      name: 'mail-antigenic-stalwart-helm-chart-0',
      ordinal: 0,
      nodeId: 0,
      phase: 'Running',
      ready: true,
      restarts: 0,
      waitingReason: undefined,
      lastTermination: undefined,
      image: 'stalwartlabs/stalwart:v0.15.5',
      version: 'v0.15.5',
      node: 'worker-a',
      startedAt: '2026-09-01T09:05:01Z',
      configCurrent: true,
      revisionCurrent: true,
      reasons: [],
    });
  });

  it('derives node ids with the rule the chart gives instead of the ordinal', () => {
    const result = evaluatePods({
      pods,
      workload: statefulSet,
      nodeIdOf: ({ ordinal }) => (ordinal === null ? null : 100 + ordinal),
    });
    expect(result.pods.map(p => p.nodeId)).toEqual([100, 101, 102]);
  });

  it('flags a pod whose config checksum differs from the template', () => {
    const stale: PodObject = {
      ...pods[1],
      metadata: {
        ...pods[1].metadata,
        annotations: { 'checksum/config': '0000aaaa' },
      },
    };
    const result = evaluatePods({
      pods: [pods[0], stale, pods[2]],
      workload: statefulSet,
      configChecksumAnnotation: 'checksum/config',
    });

    expect(result.pods[1].configCurrent).toBe(false);
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'pod.config-stale',
        message: expect.stringContaining(
          'mail-antigenic-stalwart-helm-chart-1',
        ),
      }),
    ]);
  });

  it('leaves config freshness unknown when the chart has no checksum annotation', () => {
    const result = evaluatePods({ pods, workload: statefulSet });
    expect(result.pods.every(p => p.configCurrent === null)).toBe(true);
  });

  it('tells why a pod is down: waiting reason, restarts and last termination', () => {
    const result = evaluatePods({
      pods: [crashLooping(pods[0])],
      workload: statefulSet,
    });

    expect(result.pods[0]).toMatchObject({
      ready: false,
      restarts: 7,
      waitingReason: 'CrashLoopBackOff',
      lastTermination: { reason: 'OOMKilled', exitCode: 137 },
    });
    expect(result.reasons.map(r => r.code)).toEqual([
      'pod.waiting',
      'pod.oom-killed',
    ]);
  });

  it('marks pods of an older revision during a rollout and notes mixed versions', () => {
    const upgraded: PodObject = {
      ...pods[2],
      metadata: {
        ...pods[2].metadata,
        labels: {
          ...pods[2].metadata!.labels,
          'controller-revision-hash':
            'mail-antigenic-stalwart-helm-chart-5c4b3a2918',
        },
      },
      spec: {
        ...pods[2].spec!,
        containers: [
          { name: 'stalwart', image: 'stalwartlabs/stalwart:v0.15.6' },
        ],
      },
    };
    const rollingOut: StatefulSetObject = {
      ...statefulSet,
      status: {
        ...statefulSet.status!,
        updateRevision: 'mail-antigenic-stalwart-helm-chart-5c4b3a2918',
      },
    };
    const result = evaluatePods({
      pods: [pods[0], pods[1], upgraded],
      workload: rollingOut,
    });

    expect(result.pods.map(p => p.revisionCurrent)).toEqual([
      false,
      false,
      true,
    ]);
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'pods.mixed-versions',
        severity: 'info',
        message: 'Pods run different Stalwart versions: v0.15.5, v0.15.6',
      }),
    ]);
  });

  it('reports pods of a single-instance Deployment without ordinals', () => {
    const result = evaluatePods({
      pods: [
        {
          ...pods[0],
          metadata: { ...pods[0].metadata, name: 'stalwart-6d8f7c9b5d-x2k4p' },
        },
      ],
      workload: deploymentFixture as DeploymentObject,
    });
    expect(result.pods[0]).toMatchObject({
      ordinal: null,
      nodeId: null,
      revisionCurrent: null,
    });
  });

  it('is critical when two pods run with the same node id', () => {
    const result = evaluatePods({
      pods,
      workload: statefulSet,
      nodeIdOf: () => 1,
    });
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'pods.duplicate-node-id',
        severity: 'critical',
      }),
    ]);
  });

  it('reads the version from an image with a registry port and a digest', () => {
    const result = evaluatePods({
      pods: [
        {
          ...pods[0],
          spec: {
            ...pods[0].spec!,
            containers: [
              {
                name: 'stalwart',
                image:
                  'registry.local:5000/mail/stalwart:v0.14.1-fdb@sha256:abcd',
              },
            ],
          },
        },
      ],
      workload: statefulSet,
    });
    expect(result.pods[0].version).toBe('v0.14.1-fdb');
  });
});
