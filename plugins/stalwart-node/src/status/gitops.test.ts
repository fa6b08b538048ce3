import { evaluateGitOps } from './gitops';
import type {
  ApplicationObject,
  HelmReleaseObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import helmReleaseFixture from './__fixtures__/helmrelease.json';
import applicationFixture from './__fixtures__/application.json';

const helmRelease = helmReleaseFixture as HelmReleaseObject;
const application = applicationFixture as ApplicationObject;

describe('evaluateGitOps', () => {
  it('reports a ready Flux HelmRelease with its applied and attempted revisions', () => {
    expect(evaluateGitOps({ helmRelease })).toEqual({
      tool: 'flux',
      name: 'mail',
      namespace: 'mail',
      ready: {
        status: 'True',
        reason: 'UpgradeSucceeded',
        message: expect.stringContaining('Helm upgrade succeeded'),
      },
      suspended: false,
      lastAppliedRevision: '1.0.4',
      lastAttemptedRevision: '1.0.4',
      failures: 0,
      reasons: [],
    });
  });

  it('reports a failed upgrade with its failure count', () => {
    const failed: HelmReleaseObject = {
      ...helmRelease,
      status: {
        ...helmRelease.status!,
        lastAttemptedRevision: '1.0.5',
        upgradeFailures: 2,
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'UpgradeFailed',
            message: 'Helm upgrade failed: context deadline exceeded',
            lastTransitionTime: '2026-09-15T10:00:00Z',
          },
        ],
      },
    };
    const status = evaluateGitOps({ helmRelease: failed });

    expect(status).toMatchObject({
      lastAppliedRevision: '1.0.4',
      lastAttemptedRevision: '1.0.5',
      failures: 2,
    });
    expect(status.reasons).toEqual([
      expect.objectContaining({
        code: 'gitops.not-ready',
        severity: 'warning',
        message: expect.stringContaining('UpgradeFailed'),
      }),
    ]);
  });

  it('warns that a suspended HelmRelease ignores git', () => {
    const status = evaluateGitOps({
      helmRelease: {
        ...helmRelease,
        spec: { ...helmRelease.spec!, suspend: true },
      },
    });
    expect(status.reasons.map(r => r.code)).toEqual(['gitops.suspended']);
  });

  it('reports a synced, healthy Argo CD Application with its revision', () => {
    expect(evaluateGitOps({ application })).toEqual({
      tool: 'argocd',
      name: 'stalwart',
      namespace: 'argocd',
      sync: { status: 'Synced', revision: '1.0.4' },
      health: { status: 'Healthy', message: undefined },
      operationPhase: 'Succeeded',
      reasons: [],
    });
  });

  it('warns about an out-of-sync, degraded Application whose last sync failed', () => {
    const status = evaluateGitOps({
      application: {
        ...application,
        status: {
          ...application.status,
          sync: { status: 'OutOfSync', revision: '1.0.5' },
          health: { status: 'Degraded', message: 'StatefulSet has 1/3 ready' },
          operationState: {
            ...application.status!.operationState!,
            phase: 'Failed',
            message: 'one or more objects failed to apply',
          },
        },
      },
    });
    expect(status.reasons.map(r => r.code)).toEqual([
      'gitops.out-of-sync',
      'gitops.unhealthy',
      'gitops.sync-failed',
    ]);
  });

  it('says no GitOps tool owns a release installed by hand', () => {
    expect(evaluateGitOps({})).toEqual({ tool: 'none', reasons: [] });
  });
});
