import type { InstanceSections } from '@stalwart-backstage/plugin-stalwart-node';
import type { CollectionSnapshot } from '../KubernetesCacheService/types';
import {
  unreadableKinds,
  unreadableKindsError,
  withoutUnreadableSections,
} from './unreadableKinds';

const since = new Date('2026-11-21T10:00:00Z');
const live: CollectionSnapshot = { state: 'live', items: [] };
const forbidden = (what: string): CollectionSnapshot => ({
  state: 'unavailable',
  items: [],
  error: {
    message: `HTTP 403: Forbidden, watching ${what}`,
    statusCode: 403,
    since,
  },
});

const sections: InstanceSections = {
  workload: null,
  pods: [],
  certificate: {
    state: 'missing',
    reasons: [
      { code: 'certificate.missing', severity: 'critical', message: 'x' },
    ],
  } as any,
  exposure: { reasons: [] } as any,
  gitops: { tool: 'none', reasons: [] },
  reasons: [
    {
      code: 'certificate.missing',
      severity: 'critical',
      message: 'No Certificate',
    },
    { code: 'pod.waiting', severity: 'warning', message: 'waiting' },
  ],
};

describe('unreadableKinds', () => {
  it('names kinds beside the workload that were never listed because the cluster refused', () => {
    expect(
      unreadableKinds([
        ['Pod', live],
        ['Certificate', forbidden('certificates')],
        ['Service', live],
      ]).map(u => u.kind),
    ).toEqual(['Certificate']);
  });

  it('never counts the workload kinds, without which the instance cannot be judged', () => {
    expect(unreadableKinds([['Pod', forbidden('pods')]])).toEqual([]);
  });

  it('leaves stale kinds alone: they still hold the data from before the failure', () => {
    const stale = { ...forbidden('certificates'), state: 'stale' as const };
    expect(unreadableKinds([['Certificate', stale]])).toEqual([]);
  });
});

describe('withoutUnreadableSections', () => {
  const unreadable = unreadableKinds([
    ['Certificate', forbidden('certificates')],
  ]);

  it('leaves out a section the backend may not read, instead of calling it missing', () => {
    const kept = withoutUnreadableSections(sections, unreadable);
    expect(kept.certificate).toBeUndefined();
    expect(kept.exposure).toBe(sections.exposure);
    expect(kept.reasons.map(r => r.code)).toEqual([
      'pod.waiting',
      'unreadable.Certificate',
    ]);
    expect(kept.reasons[1]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('HTTP 403'),
    });
  });

  it('keeps the GitOps owner it found when only the other GitOps kind is unreadable', () => {
    const withFlux: InstanceSections = {
      ...sections,
      gitops: { tool: 'flux', reasons: [] } as any,
    };
    const kept = withoutUnreadableSections(
      withFlux,
      unreadableKinds([['Application', forbidden('applications')]]),
    );
    expect(kept.gitops).toBe(withFlux.gitops);
  });
});

describe('unreadableKindsError', () => {
  it('joins every unreadable kind into one error dated from the oldest failure', () => {
    const error = unreadableKindsError(
      unreadableKinds([
        ['Certificate', forbidden('certificates')],
        ['Service', forbidden('services')],
      ]),
    );
    expect(error).toEqual({
      message:
        'Certificate could not be read: HTTP 403: Forbidden, watching certificates; Service could not be read: HTTP 403: Forbidden, watching services',
      statusCode: 403,
      since: since.toISOString(),
    });
    expect(unreadableKindsError([])).toBeUndefined();
  });
});
