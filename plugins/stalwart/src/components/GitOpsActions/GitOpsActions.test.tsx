import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { entityUrl, renderStalwart } from '../../__testUtils__/renderStalwart';
import {
  clusterStatus,
  statusResponse,
} from '../../__testUtils__/statusFixtures';
import { GitOpsActions } from './GitOpsActions';

const server = setupServer();
registerMswTestHooks(server);

const RECONCILE_URL = entityUrl('mail', 'gitops/reconcile');
const plan = (dryRun: boolean) => ({
  apiVersion: 'v1',
  entityRef: 'component:default/mail',
  cluster: 'homelab',
  dryRun,
  action: 'reconcile',
  tool: 'flux',
  owner: {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    namespace: 'mail',
    name: 'mail',
  },
  requestedAt: '2026-12-03T17:00:00.000Z',
  patches: [
    {
      target: {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        namespace: 'mail',
        name: 'mail',
      },
      contentType: 'application/merge-patch+json',
      body: {
        metadata: {
          annotations: {
            'reconcile.fluxcd.io/requestedAt': '2026-12-03T17:00:00.000Z',
          },
        },
      },
      description: 'Ask helm-controller to reconcile HelmRelease mail/mail now',
    },
  ],
  ...(dryRun
    ? {}
    : {
        observed: {
          handled: true,
          suspended: false,
          lastHandledReconcileAt: '2026-12-03T17:00:00.000Z',
        },
      }),
});

describe('GitOpsActions', () => {
  const status = statusResponse([clusterStatus({ cluster: 'homelab' })]);

  it('previews the exact patch, sends it only on confirmation and shows what Flux did', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(RECONCILE_URL, async ({ request }) => {
        const body = (await request.json()) as { dryRun: boolean };
        bodies.push(body);
        return HttpResponse.json(plan(body.dryRun));
      }),
    );
    await renderStalwart(<GitOpsActions status={status} />);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Reconcile now' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText(
        'Ask helm-controller to reconcile HelmRelease mail/mail now',
      ),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('reconcile.fluxcd.io/requestedAt');
    expect(bodies).toEqual([{ dryRun: true, cluster: 'homelab' }]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reconcile now' }),
    );

    expect(
      await within(dialog).findByText(
        /The controller handled it \(last handled reconcile request 2026-12-03T17:00:00.000Z; not suspended\)/,
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([
      { dryRun: true, cluster: 'homelab' },
      { dryRun: false, cluster: 'homelab' },
    ]);
  });

  it('shows no buttons to a caller without stalwart.gitops.reconcile', async () => {
    // usePermission caches its answer per permission and resource for the whole file.
    const other = { ...status, entityRef: 'component:default/other' };
    await renderStalwart(<GitOpsActions status={other} />, {
      permission: AuthorizeResult.DENY,
    });
    expect(
      screen.queryByRole('group', { name: 'GitOps actions' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
