import { observeArgoCd, planArgoCdAction } from './argocd';

const application = (extra: Record<string, unknown> = {}): any => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'mail', namespace: 'argocd', resourceVersion: '9' },
  spec: {
    source: {
      repoURL: 'https://charts',
      chart: 'stalwart',
      targetRevision: '0.7.14',
    },
    destination: { namespace: 'mail' },
    syncPolicy: { syncOptions: ['ServerSideApply=true'] },
  },
  status: { operationState: { phase: 'Succeeded' } },
  ...extra,
});
const plan = (action: any, app = application(), watched = ['argocd']) =>
  planArgoCdAction({
    action,
    application: app,
    watchedNamespaces: watched,
    username: 'user:default/ana',
  });

describe('planArgoCdAction', () => {
  it('refreshes with the refresh annotation', () => {
    expect(plan('reconcile').patches[0].body).toEqual({
      metadata: {
        resourceVersion: '9',
        annotations: { 'argocd.argoproj.io/refresh': 'normal' },
      },
    });
  });

  it('syncs with an operation as the Argo CD API server writes it', () => {
    expect(plan('sync').patches[0].body).toEqual({
      metadata: { resourceVersion: '9' },
      operation: {
        initiatedBy: { username: 'user:default/ana' },
        info: [{ name: 'Reason', value: 'Sync requested from Backstage' }],
        sync: {
          revision: '0.7.14',
          syncStrategy: { hook: {} },
          syncOptions: ['ServerSideApply=true'],
        },
      },
    });
  });

  it('refuses an Application in a namespace Argo CD does not watch', () => {
    expect(() => plan('reconcile', application(), ['gitops'])).toThrow(
      'Application argocd/mail is in namespace argocd, which Argo CD does not watch (watched: gitops): the controller would never act on it',
    );
  });

  it('refuses a sync while another operation runs, and suspend', () => {
    expect(() =>
      plan(
        'sync',
        application({ status: { operationState: { phase: 'Running' } } }),
      ),
    ).toThrow(/already has a sync operation running/);
    expect(() => plan('suspend')).toThrow(/Argo CD, which has no "suspend"/);
  });
});

describe('observeArgoCd', () => {
  it('calls a sync handled once the operation is gone and its state final', () => {
    expect(observeArgoCd(application({ operation: {} }), 'sync').handled).toBe(
      false,
    );
    expect(observeArgoCd(application(), 'sync')).toMatchObject({
      handled: true,
      operationState: { phase: 'Succeeded' },
    });
  });
});
