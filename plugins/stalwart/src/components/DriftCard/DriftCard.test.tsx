import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  driftResponse,
  homelabDriftItems,
  resetRouteApplied,
  resetRoutePlan,
} from '../../__testUtils__/driftFixtures';
import {
  DRIFT_URL,
  errorResponse,
  mailEntity,
  REMEDIATIONS_URL,
  renderStalwart,
  STATUS_URL,
} from '../../__testUtils__/renderStalwart';
import {
  clusterStatus,
  lifecycleStatusResponse,
  statusResponse,
} from '../../__testUtils__/statusFixtures';
import { DriftCard } from './DriftCard';

const server = setupServer();
registerMswTestHooks(server);

beforeEach(() => {
  server.use(
    http.get(STATUS_URL, () =>
      HttpResponse.json(
        statusResponse([clusterStatus({ cluster: 'homelab' })]),
      ),
    ),
    http.get(`*/drift/adoptions`, () => HttpResponse.json({ proposals: [] })),
  );
});

const table = () => screen.getByRole('region', { name: 'Drifted settings' });
/** The field lines of every group: the rows that a setting heads. */
const settingRows = () =>
  within(table())
    .getAllByRole('rowheader')
    .map(header => header.closest('tr')!);
const groupTitles = () =>
  within(table())
    .getAllByRole('heading', { level: 3 })
    .map(h => h.textContent);

describe('DriftCard', () => {
  it('shows a skeleton while the drift loads', async () => {
    server.use(http.get(DRIFT_URL, () => new Promise(() => {})));
    await renderStalwart(<DriftCard />);
    expect(
      screen.getByRole('progressbar', { name: 'Loading settings drift' }),
    ).toBeInTheDocument();
  });

  it('counts every class, hides in-sync and server-managed settings, and masks secrets', async () => {
    server.use(http.get(DRIFT_URL, () => HttpResponse.json(driftResponse())));
    await renderStalwart(<DriftCard />);

    expect(
      await screen.findByRole('button', {
        name: 'Only in the database, user-managed: 2',
      }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('button', {
        name: 'Only in the database, server-managed: 1',
      }),
    ).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'In sync: 1' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(settingRows()).toHaveLength(4);
    expect(groupTitles()).toEqual([
      'queue.route.resend.*',
      'server.listener.smtp.*',
      'server.*',
    ]);

    const secret = settingRows().find(r =>
      within(r).queryByText('auth.secret'),
    )!;
    expect(
      within(secret).getByLabelText('live value masked (secret)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Engine v0\.15 · cluster homelab · read 1 min ago/),
    ).toBeInTheDocument();
  });

  it('filters by search text and by class', async () => {
    server.use(http.get(DRIFT_URL, () => HttpResponse.json(driftResponse())));
    await renderStalwart(<DriftCard />);

    await userEvent.type(
      await screen.findByRole('searchbox', { name: 'Search settings' }),
      'resend',
    );
    expect(settingRows()).toHaveLength(2);

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Only in the database, user-managed: 2',
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'No settings match the search and class filters.',
    );
  });

  it('asks for the hidden server-managed settings only when they are shown', async () => {
    const asked: boolean[] = [];
    server.use(
      http.get(DRIFT_URL, ({ request }) => {
        const includeHidden =
          new URL(request.url).searchParams.get('includeHidden') === 'true';
        asked.push(includeHidden);
        return HttpResponse.json(driftResponse({ includeHidden }));
      }),
    );
    await renderStalwart(<DriftCard />);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Only in the database, server-managed: 1',
      }),
    );
    expect(
      await within(table()).findByRole('heading', { name: 'oauth.*' }),
    ).toBeInTheDocument();
    expect(asked).toEqual([false, true]);
  });

  it('offers no remediation to users without stalwart.settings.reset', async () => {
    // usePermission caches answers by permission and resource (SWR) for the whole file, so
    // this test asks about another entity than the ALLOW tests.
    const entity = {
      ...mailEntity,
      metadata: { ...mailEntity.metadata, name: 'mail-denied' },
    };
    server.use(
      http.get(STATUS_URL.replace('/mail/', '/mail-denied/'), () =>
        HttpResponse.json(
          statusResponse([clusterStatus({ cluster: 'homelab' })]),
        ),
      ),
      http.get(DRIFT_URL.replace('/mail/', '/mail-denied/'), () =>
        HttpResponse.json(driftResponse()),
      ),
    );
    await renderStalwart(<DriftCard />, {
      entity,
      permission: AuthorizeResult.DENY,
    });

    await screen.findByRole('region', { name: 'Drifted settings' });
    // Keep live value stays in view, disabled with its reason (see KeepLiveValue.test.tsx).
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('button', { name: /^Keep live value/ })
          .every(b => b.hasAttribute('disabled')),
      ).toBe(true),
    );
    expect(
      screen.queryByRole('button', { name: /Reset to git/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Restart pods on the old config' }),
    ).not.toBeInTheDocument();
  });

  it('previews the dry-run plan, applies it on confirmation and reads the drift again', async () => {
    const requests: unknown[] = [];
    let fixed = false;
    server.use(
      http.get(DRIFT_URL, () =>
        HttpResponse.json(
          driftResponse({
            items: fixed ? homelabDriftItems.slice(1) : homelabDriftItems,
          }),
        ),
      ),
      http.post(REMEDIATIONS_URL, async ({ request }) => {
        const body = (await request.json()) as { dryRun: boolean };
        requests.push(body);
        if (!body.dryRun) fixed = true;
        return HttpResponse.json(
          body.dryRun ? resetRoutePlan : resetRouteApplied,
        );
      }),
    );
    await renderStalwart(<DriftCard />);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reset to git: queue.route.resend.address',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reset to git: queue.route.resend.address',
    });
    const calls = await within(dialog).findByRole('list', {
      name: 'Planned calls',
    });
    expect(
      within(calls).getByText(
        'Stalwart DELETE /api/settings/queue.route.resend.address',
      ),
    ).toBeInTheDocument();
    expect(requests).toEqual([
      {
        action: 'reset-to-git',
        itemIds: ['queue.route.resend.address'],
        dryRun: true,
      },
    ]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Apply plan' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(requests).toHaveLength(2);
    expect(requests[1]).toEqual({
      action: 'reset-to-git',
      itemIds: ['queue.route.resend.address'],
      dryRun: false,
    });
    await waitFor(() =>
      expect(within(table()).queryByText('address')).not.toBeInTheDocument(),
    );
    expect(
      screen.getByText('Applied 2 calls; the settings now match git.'),
    ).toBeInTheDocument();
  });

  it('keeps the dialog open and names the call that failed when the plan stops', async () => {
    server.use(
      http.get(DRIFT_URL, () => HttpResponse.json(driftResponse())),
      http.post(REMEDIATIONS_URL, async ({ request }) => {
        const body = (await request.json()) as { dryRun: boolean };
        return HttpResponse.json(
          body.dryRun
            ? resetRoutePlan
            : {
                ...resetRouteApplied,
                execution: {
                  completed: false,
                  results: [
                    {
                      index: 0,
                      outcome: 'failed',
                      error: { statusCode: 401, message: 'Unauthorized' },
                    },
                    { index: 1, outcome: 'not-run' },
                  ],
                },
              },
        );
      }),
    );
    await renderStalwart(<DriftCard />);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reset to git: queue.route.resend.address',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Reset to git: queue.route.resend.address',
    });
    await within(dialog).findByRole('list', { name: 'Planned calls' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Apply plan' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Applying the plan failed: call 1 failed (HTTP 401): Unauthorized',
    );
  });

  it('restarts the pods on the old config from one button', async () => {
    const requests: unknown[] = [];
    server.use(
      http.get(DRIFT_URL, () => HttpResponse.json(driftResponse())),
      http.post(REMEDIATIONS_URL, async ({ request }) => {
        requests.push(await request.json());
        return HttpResponse.json({
          ...resetRoutePlan,
          action: 'restart-stale-pods',
          calls: [],
          restartRequired: true,
          pods: ['mail-antigenic-stalwart-helm-chart-1'],
        });
      }),
    );
    await renderStalwart(<DriftCard />);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Restart pods on the old config',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Restart pods on the old config: mail-antigenic-stalwart-helm-chart-1',
    });
    expect(
      await within(dialog).findByText(
        /the plan restarts mail-antigenic-stalwart-helm-chart-1/,
      ),
    ).toBeInTheDocument();
    expect(requests).toEqual([
      {
        action: 'restart-stale-pods',
        itemIds: ['server.listener.smtp.bind'],
        dryRun: true,
      },
    ]);
    expect(
      within(dialog).getByRole('button', { name: 'Apply plan' }),
    ).toBeDisabled();
  });

  it('shows the reads that failed above the settings that loaded', async () => {
    server.use(
      http.get(DRIFT_URL, () =>
        HttpResponse.json(
          driftResponse({
            errors: [
              {
                pod: 'mail-antigenic-stalwart-helm-chart-2',
                source: 'settings',
                statusCode: 502,
                message: 'connection refused',
              },
            ],
          }),
        ),
      ),
    );
    await renderStalwart(<DriftCard />);

    expect(
      await screen.findByText(
        /Pod mail-antigenic-stalwart-helm-chart-2: reading settings failed \(HTTP 502\): connection refused/,
      ),
    ).toBeInTheDocument();
    expect(settingRows()).toHaveLength(4);
  });

  it('says calmly, not as a failed read, that a config kept in a Secret is left out by design', async () => {
    const message =
      'The chart keeps config.json in Secret mail-config, which the backend does not read (it may hold credentials), so it is not compared';
    server.use(
      http.get(DRIFT_URL, () =>
        HttpResponse.json(
          driftResponse({
            errors: [
              {
                source: 'config.json',
                reason: 'declared-state-unavailable',
                severity: 'info',
                message,
              },
            ],
          }),
        ),
      ),
    );
    await renderStalwart(<DriftCard />);

    expect(await screen.findByText(`Instance: ${message}`)).toBeInTheDocument();
    expect(screen.queryByText(/reading config.json failed/)).toBeNull();
    expect(settingRows()).toHaveLength(4);
  });

  it('says which permission is missing when the drift is denied', async () => {
    server.use(
      http.get(DRIFT_URL, () =>
        errorResponse(403, 'NotAllowedError', 'denied'),
      ),
    );
    await renderStalwart(<DriftCard />);
    expect(
      await screen.findByText(
        /You do not have permission to see the settings drift/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('stalwart.settings.read')).toBeInTheDocument();
  });

  it.each([
    ['open', 'Proposed on branch stalwart/mail, not deployed yet'],
    ['merged', 'Merged, waiting for Flux or Argo CD to deploy it'],
  ] as const)(
    'says calmly that an instance whose proposal is %s is not deployed yet, and asks for no drift',
    async (state, title) => {
      const driftRead = jest.fn();
      server.use(
        http.get(STATUS_URL, () =>
          HttpResponse.json(
            lifecycleStatusResponse({ branch: 'stalwart/mail', state }),
          ),
        ),
        http.get(DRIFT_URL, () => {
          driftRead();
          return errorResponse(404, 'NotFoundError', 'no pods');
        }),
      );
      await renderStalwart(<DriftCard />);

      expect(await screen.findByRole('status')).toHaveTextContent(
        `${title}: no Stalwart runs it yet, so there are no live settings to compare with git.`,
      );
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(driftRead.mock.calls.length).toBeLessThanOrEqual(1);
    },
  );
});
