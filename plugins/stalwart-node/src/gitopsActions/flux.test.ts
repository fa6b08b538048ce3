import { fluxSourceOf, observeFlux, planFluxAction } from './flux';

const now = new Date('2026-12-03T17:00:00.000Z');
const helmRelease = (spec: Record<string, unknown> = {}): any => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'stalwart', namespace: 'stalwart', resourceVersion: '41' },
  spec: {
    chart: {
      spec: {
        chart: 'stalwart',
        sourceRef: {
          kind: 'HelmRepository',
          name: 'charts',
          namespace: 'flux-system',
        },
      },
    },
    ...spec,
  },
});
const source: any = {
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'HelmRepository',
  metadata: { name: 'charts', namespace: 'flux-system', resourceVersion: '7' },
};

describe('planFluxAction', () => {
  it('annotates the source and then the release with one requestedAt, each against the version it read', () => {
    const plan = planFluxAction({
      action: 'reconcile',
      helmRelease: helmRelease(),
      source,
      now,
    });
    expect(plan.requestedAt).toBe('2026-12-03T17:00:00.000Z');
    expect(plan.patches.map(p => [p.target.kind, p.body])).toEqual([
      [
        'HelmRepository',
        {
          metadata: {
            resourceVersion: '7',
            annotations: {
              'reconcile.fluxcd.io/requestedAt': '2026-12-03T17:00:00.000Z',
            },
          },
        },
      ],
      [
        'HelmRelease',
        {
          metadata: {
            resourceVersion: '41',
            annotations: {
              'reconcile.fluxcd.io/requestedAt': '2026-12-03T17:00:00.000Z',
            },
          },
        },
      ],
    ]);
  });

  it('refuses to reconcile a suspended release, naming it', () => {
    expect(() =>
      planFluxAction({
        action: 'reconcile',
        helmRelease: helmRelease({ suspend: true }),
        source,
        now,
      }),
    ).toThrow(
      'HelmRelease stalwart/stalwart is suspended: Flux ignores reconcile requests until it is resumed',
    );
  });

  it('refuses to reconcile when the chart source does not exist', () => {
    expect(() =>
      planFluxAction({ action: 'reconcile', helmRelease: helmRelease(), now }),
    ).toThrow(/source HelmRepository .* does not exist/);
  });

  it('suspends with spec.suspend and resumes with a reconcile request, refusing a no-op', () => {
    expect(
      planFluxAction({ action: 'suspend', helmRelease: helmRelease(), now })
        .patches[0].body,
    ).toEqual({ metadata: { resourceVersion: '41' }, spec: { suspend: true } });
    expect(
      planFluxAction({
        action: 'resume',
        helmRelease: helmRelease({ suspend: true }),
        now,
      }).patches[0].body,
    ).toMatchObject({ spec: { suspend: false } });
    expect(() =>
      planFluxAction({ action: 'resume', helmRelease: helmRelease(), now }),
    ).toThrow('HelmRelease stalwart/stalwart is not suspended');
  });

  it('answers that Flux has no sync', () => {
    expect(() =>
      planFluxAction({ action: 'sync', helmRelease: helmRelease(), now }),
    ).toThrow(/Flux, which has no "sync"/);
  });
});

describe('fluxSourceOf', () => {
  it('prefers spec.chartRef and defaults its namespace to the release', () => {
    expect(
      fluxSourceOf(
        helmRelease({ chartRef: { kind: 'OCIRepository', name: 'oci' } }),
      ),
    ).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      namespace: 'stalwart',
      name: 'oci',
    });
  });
});

describe('observeFlux', () => {
  it('is handled once the status echoes the request', () => {
    const hr = helmRelease();
    hr.status = { lastHandledReconcileAt: 'earlier' };
    expect(observeFlux(hr, 'now').handled).toBe(false);
    hr.status.lastHandledReconcileAt = 'now';
    expect(observeFlux(hr, 'now')).toEqual({
      handled: true,
      suspended: false,
      lastHandledReconcileAt: 'now',
    });
  });
});
