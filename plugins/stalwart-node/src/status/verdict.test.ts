import { computeVerdict } from './verdict';
import type { StatusReason } from '@stalwart-backstage/plugin-stalwart-common';

const expiring: StatusReason = {
  code: 'certificate.expiring',
  severity: 'warning',
  message: 'Certificate expires in 20 days',
};
const unavailable: StatusReason = {
  code: 'workload.unavailable',
  severity: 'critical',
  message: 'StatefulSet has no ready replica',
};
const rollingOut: StatusReason = {
  code: 'workload.rollout-in-progress',
  severity: 'info',
  message: 'Rolling out',
};

describe('computeVerdict', () => {
  it('is healthy when live clusters report only informational findings', () => {
    expect(
      computeVerdict([
        { cluster: 'prod', data: 'live', reasons: [rollingOut] },
      ]),
    ).toEqual({
      state: 'healthy',
      reasons: [{ ...rollingOut, cluster: 'prod' }],
    });
  });

  it('takes the worst finding across clusters and lists critical ones first', () => {
    const verdict = computeVerdict([
      { cluster: 'a', data: 'live', reasons: [expiring] },
      { cluster: 'b', data: 'live', reasons: [rollingOut, unavailable] },
    ]);
    expect(verdict.state).toBe('critical');
    expect(verdict.reasons.map(r => [r.cluster, r.code])).toEqual([
      ['b', 'workload.unavailable'],
      ['a', 'certificate.expiring'],
      ['b', 'workload.rollout-in-progress'],
    ]);
  });

  it('does not call an instance healthy when one of its clusters could not be read', () => {
    const verdict = computeVerdict([
      { cluster: 'a', data: 'live', reasons: [] },
      {
        cluster: 'b',
        data: 'unavailable',
        error: { message: 'getaddrinfo ENOTFOUND b.example' },
        reasons: [],
      },
    ]);
    expect(verdict.state).toBe('warning');
    expect(verdict.reasons[0]).toMatchObject({
      code: 'cluster.unavailable',
      cluster: 'b',
      message: expect.stringContaining('ENOTFOUND'),
    });
  });

  it('says how old stale data is and still judges it', () => {
    const verdict = computeVerdict([
      {
        cluster: 'a',
        data: 'stale',
        dataAgeSeconds: 600,
        error: { message: 'HTTP 503' },
        reasons: [unavailable],
      },
    ]);
    expect(verdict.state).toBe('critical');
    expect(verdict.reasons[1]).toMatchObject({
      code: 'cluster.stale',
      message: 'Data from cluster a is 10 minutes old: HTTP 503',
    });
  });

  it('is unknown when no cluster could be read or none is named', () => {
    expect(
      computeVerdict([{ cluster: 'a', data: 'unavailable', reasons: [] }])
        .state,
    ).toBe('unknown');
    expect(computeVerdict([]).state).toBe('unknown');
  });
});
