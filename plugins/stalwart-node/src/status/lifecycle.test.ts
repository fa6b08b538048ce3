import {
  evaluateLifecycle,
  settleMissingObjects,
  settleMissingSections,
} from './lifecycle';
import type {
  GitOpsStatus,
  WorkloadStatus,
} from '@stalwart-backstage/plugin-stalwart-common';

const workload = (desired: number, ready: number) =>
  ({
    kind: 'StatefulSet',
    name: 'mail-stalwart',
    replicas: {
      desired,
      ready,
      updated: ready,
      current: ready,
      available: ready,
    },
    revisions: {},
    rolloutInProgress: false,
    reasons: [],
  } as unknown as WorkloadStatus);

const flux = (
  status: string,
  failures: number,
  message?: string,
): GitOpsStatus => ({
  tool: 'flux',
  name: 'mail',
  namespace: 'mail',
  ready: { status, message },
  suspended: false,
  failures,
  reasons: [],
});

describe('the instance lifecycle', () => {
  it('is proposed while the branch is open and nothing runs', () => {
    expect(
      evaluateLifecycle({
        proposal: { branch: 'stalwart/mail', state: 'open' },
        clusters: [{ workload: null }],
      }).phase,
    ).toBe('proposed');
  });

  it('waits for Flux or Argo CD once merged', () => {
    expect(
      evaluateLifecycle({
        proposal: { branch: 'stalwart/mail', state: 'merged' },
        clusters: [
          { workload: null },
          { workload: null, gitops: { tool: 'none', reasons: [] } },
        ],
      }).phase,
    ).toBe('merged');
  });

  it('reconciles while the pods are not all ready, and runs when they are', () => {
    expect(
      evaluateLifecycle({
        clusters: [{ workload: workload(3, 1), gitops: flux('True', 0) }],
      }).phase,
    ).toBe('reconciling');
    expect(
      evaluateLifecycle({
        clusters: [{ workload: workload(3, 3), gitops: flux('True', 0) }],
      }).phase,
    ).toBe('running');
  });

  it('fails with the reconciler’s own message', () => {
    expect(
      evaluateLifecycle({
        clusters: [
          {
            workload: null,
            gitops: flux(
              'False',
              1,
              "values don't meet the specifications of the schema(s)",
            ),
          },
        ],
      }),
    ).toEqual({
      phase: 'failed',
      message: "values don't meet the specifications of the schema(s)",
    });
  });

  it('says so when the proposal branch was deleted unmerged', () => {
    expect(
      evaluateLifecycle({
        proposal: { branch: 'stalwart/mail', state: 'deleted' },
        clusters: [{ workload: null }],
      }).phase,
    ).toBe('failed');
  });

  it('keeps missing objects critical only when the instance should be running', () => {
    const reasons = [
      {
        code: 'workload.missing',
        severity: 'critical' as const,
        message: 'No StatefulSet',
      },
    ];
    expect(
      settleMissingObjects(reasons, {
        phase: 'proposed',
        message: 'Proposed',
      })[0].severity,
    ).toBe('info');
    expect(
      settleMissingObjects(reasons, { phase: 'failed', message: 'boom' })[0]
        .severity,
    ).toBe('critical');
  });

  it('settles the certificate and exposure cards of an instance on its way, and only those findings that say missing', () => {
    const cluster = {
      cluster: 'homelab',
      certificate: {
        reasons: [
          {
            code: 'certificate.missing',
            severity: 'critical' as const,
            message: 'No Certificate',
          },
        ],
      },
      exposure: {
        reasons: [
          {
            code: 'exposure.proxy-protocol',
            severity: 'warning' as const,
            message: 'PROXY protocol off',
          },
        ],
      },
    };
    const settled = settleMissingSections(cluster, {
      phase: 'merged',
      message: 'Merged, waiting for Flux or Argo CD to deploy it',
    });
    expect(settled.certificate.reasons).toEqual([
      {
        code: 'certificate.missing',
        severity: 'info',
        message:
          'No Certificate yet: Merged, waiting for Flux or Argo CD to deploy it',
      },
    ]);
    expect(settled.exposure.reasons).toEqual(cluster.exposure.reasons);
    expect(
      settleMissingSections(cluster, { phase: 'running', message: 'ok' }),
    ).toEqual(cluster);
  });
});
