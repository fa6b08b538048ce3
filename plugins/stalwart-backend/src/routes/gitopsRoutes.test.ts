import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { GitOpsActionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import request from 'supertest';
import { eventually } from '../__testUtils__/simulatedPods';
import {
  DriftBackend,
  startDriftBackend,
} from '../__testUtils__/startDriftBackend';

jest.setTimeout(30_000);

// The demo scenario: homelab's release "stalwart" is a Flux HelmRelease fetching from the
// HelmRepository flux-system/antigenic-stalwart; edge's "mail" is the Argo CD Application argocd/mail.
const ENTITY = '/api/stalwart/v1/entities/default/component';
const HOMELAB = `${ENTITY}/stalwart/gitops`;
const EDGE = `${ENTITY}/mail-edge/gitops`;
const ANA = mockCredentials.user.header('user:default/ana');
const REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';
const HELM_RELEASE = {
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  namespace: 'stalwart',
  name: 'stalwart',
};
const HELM_REPOSITORY = {
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'HelmRepository',
  namespace: 'flux-system',
  name: 'antigenic-stalwart',
};
const APPLICATION = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  namespace: 'argocd',
  name: 'mail',
};

describe('POST /v1/entities/:namespace/:kind/:name/gitops/:action', () => {
  let backend: DriftBackend;
  const send = (path: string, body: unknown) =>
    request(backend.app)
      .post(path)
      .set('Authorization', ANA)
      .send(body as object);
  /** The object as the simulated API server stores it. */
  const stored = (cluster: string, ref: typeof HELM_RELEASE) => {
    const simulated = backend.simulator.control.cluster(cluster);
    return simulated.store.get(simulated.typeOf(ref)!, ref.namespace, ref.name);
  };
  const events = () =>
    backend.auditor.createEvent.mock.calls.map(([event]) => event);

  beforeAll(async () => {
    backend = await startDriftBackend({
      stalwart: {
        remediation: { rateLimit: { requests: 12, window: { minutes: 1 } } },
      },
    });
  });
  afterEach(() => {
    for (const key of Object.keys(backend.decisions))
      delete backend.decisions[key];
    backend.auditor.createEvent.mockClear();
  });
  afterAll(async () => {
    await backend.stop();
  });

  it('previews a Flux reconcile as the exact patches of the source and the release, and writes nothing', async () => {
    const before = stored('homelab', HELM_RELEASE).metadata.resourceVersion;

    const res = await send(`${HOMELAB}/reconcile`, { dryRun: true });

    expect(res.status).toBe(200);
    const body: GitOpsActionResultV1 = res.body;
    expect(body).toMatchObject({
      entityRef: 'component:default/stalwart',
      cluster: 'homelab',
      tool: 'flux',
      dryRun: true,
      owner: HELM_RELEASE,
    });
    expect(body.patches.map(p => p.target)).toEqual([
      HELM_REPOSITORY,
      HELM_RELEASE,
    ]);
    expect(body.patches[1].body).toEqual({
      metadata: {
        resourceVersion: before,
        annotations: { [REQUESTED_AT]: body.requestedAt },
      },
    });
    expect(body.observed).toBeUndefined();
    expect(stored('homelab', HELM_RELEASE).metadata.resourceVersion).toBe(
      before,
    );
    expect(events()).toEqual([]);
  });

  it('reconciles the Flux release: both objects annotated, the simulated helm-controller handles it, audited', async () => {
    const res = await send(`${HOMELAB}/reconcile`, { dryRun: false });

    expect(res.status).toBe(200);
    const body: GitOpsActionResultV1 = res.body;
    expect(body.observed).toEqual({
      handled: true,
      suspended: false,
      lastHandledReconcileAt: body.requestedAt,
    });
    for (const ref of [HELM_REPOSITORY, HELM_RELEASE])
      expect(stored('homelab', ref).metadata.annotations[REQUESTED_AT]).toBe(
        body.requestedAt,
      );
    expect(stored('homelab', HELM_RELEASE).status.lastHandledReconcileAt).toBe(
      body.requestedAt,
    );
    expect(events()).toEqual([
      expect.objectContaining({
        eventId: 'gitops-action',
        meta: expect.objectContaining({
          entityRef: 'component:default/stalwart',
          action: 'reconcile',
          owner: 'HelmRelease stalwart/stalwart',
        }),
      }),
    ]);
    const event = await backend.auditor.createEvent.mock.results[0].value;
    expect(event.success).toHaveBeenCalledWith({ meta: { handled: true } });
  });

  it('suspends, refuses to reconcile the suspended release without writing, and resumes', async () => {
    const suspended = await send(`${HOMELAB}/suspend`, { dryRun: false });
    expect(suspended.status).toBe(200);
    expect(suspended.body.observed).toMatchObject({
      handled: true,
      suspended: true,
    });
    expect(stored('homelab', HELM_RELEASE).spec.suspend).toBe(true);
    // The watch cache must see the suspension before the next plan reads the live object.
    const version = stored('homelab', HELM_RELEASE).metadata.resourceVersion;

    const refused = await send(`${HOMELAB}/reconcile`, { dryRun: false });

    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      name: 'ConflictError',
      message:
        'HelmRelease stalwart/stalwart is suspended: Flux ignores reconcile requests until it is resumed',
    });
    expect(stored('homelab', HELM_RELEASE).metadata.resourceVersion).toBe(
      version,
    );
    expect(events().map(e => e.meta)).toContainEqual({
      entityRef: 'component:default/stalwart',
      action: 'reconcile',
    });

    const resumed = await send(`${HOMELAB}/resume`, { dryRun: false });
    expect(resumed.status).toBe(200);
    expect(resumed.body.observed).toMatchObject({
      handled: true,
      suspended: false,
      lastHandledReconcileAt: resumed.body.requestedAt,
    });
  });

  it('refreshes the Argo CD Application: the controller compares and removes the annotation', async () => {
    const res = await send(`${EDGE}/reconcile`, { dryRun: false });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tool: 'argocd', owner: APPLICATION });
    expect(res.body.observed).toMatchObject({
      handled: true,
      reconciledAt: expect.any(String),
    });
    expect(
      stored('edge', APPLICATION).metadata.annotations?.[
        'argocd.argoproj.io/refresh'
      ],
    ).toBeUndefined();
  });

  it('syncs the Argo CD Application with an operation and shows the operation state', async () => {
    const preview = await send(`${EDGE}/sync`, { dryRun: true });
    expect(preview.body.patches[0].body.operation).toEqual({
      initiatedBy: { username: 'user:default/ana' },
      info: [{ name: 'Reason', value: 'Sync requested from Backstage' }],
      sync: {
        revision: '0.7.14',
        syncStrategy: { hook: {} },
        syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
      },
    });

    const res = await send(`${EDGE}/sync`, { dryRun: false });

    expect(res.status).toBe(200);
    expect(res.body.observed).toMatchObject({
      handled: true,
      operationState: { phase: 'Succeeded', revision: '0.7.14' },
    });
    const app = stored('edge', APPLICATION);
    expect(app.operation).toBeUndefined();
    expect(app.status.operationState.operation.initiatedBy).toEqual({
      username: 'user:default/ana',
    });
  });

  it('answers 400 for an action the GitOps tool does not have, and for a bad body, naming them', async () => {
    const sync = await send(`${HOMELAB}/sync`, { dryRun: false });
    expect(sync.status).toBe(400);
    expect(sync.body.error.message).toBe(
      'HelmRelease stalwart/stalwart is managed by Flux, which has no "sync": use reconcile, suspend or resume',
    );
    const unknown = await send(`${HOMELAB}/rollback`, { dryRun: false });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^Invalid action: /);
    const body = await send(`${HOMELAB}/reconcile`, { dry: true });
    expect(body.status).toBe(400);
    expect(body.body.error.message).toContain('dryRun');
  });

  it('answers 409 for an entity whose release has no GitOps owner, writing nothing', async () => {
    const helmRelease = stored('homelab', HELM_RELEASE);
    backend.simulator.control.delete('homelab', HELM_RELEASE);
    try {
      const res = await eventually(async () => {
        const answer = await send(`${HOMELAB}/reconcile`, { dryRun: false });
        expect(answer.status).toBe(409);
        return answer;
      });
      expect(res.body.error.message).toBe(
        'component:default/stalwart has no GitOps owner: no Flux HelmRelease or Argo CD Application installs release stalwart in namespace stalwart (clusters searched: homelab)',
      );
    } finally {
      backend.simulator.control.apply('homelab', {
        ...helmRelease,
        metadata: { ...helmRelease.metadata, resourceVersion: undefined },
      });
    }
  });

  it('answers 403 when the policy denies stalwart.gitops.reconcile, audits it and writes nothing', async () => {
    backend.decisions['stalwart.gitops.reconcile'] = AuthorizeResult.DENY;
    const version = stored('edge', APPLICATION).metadata.resourceVersion;

    const res = await send(`${EDGE}/sync`, { dryRun: false });

    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You may not act on the GitOps release of component:default/mail-edge',
    );
    expect(stored('edge', APPLICATION).metadata.resourceVersion).toBe(version);
    expect(events()).toEqual([
      expect.objectContaining({
        eventId: 'gitops-action',
        meta: { entityRef: 'component:default/mail-edge', action: 'sync' },
      }),
    ]);
  });

  it('answers 429 with Retry-After to a flood of requests, and audits the refusals', async () => {
    const answers = [];
    for (let i = 0; i < 14; i++)
      answers.push(await send(`${EDGE}/reconcile`, { dryRun: true }));

    const limited = answers.filter(a => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].headers['retry-after']).toMatch(/^\d+$/);
    expect(limited[0].body.error.message).toMatch(
      /^Too many GitOps action requests: at most 12 per 60 s per user/,
    );
    expect(
      events().filter(e => e.meta?.action === 'reconcile').length,
    ).toBeGreaterThanOrEqual(limited.length);
  });
});
