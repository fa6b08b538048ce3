import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { AdoptionResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { driftResponse } from '../../__testUtils__/driftFixtures';
import {
  DRIFT_URL,
  errorResponse,
  mailEntity,
  renderStalwart,
  STATUS_URL,
} from '../../__testUtils__/renderStalwart';
import {
  clusterStatus,
  statusResponse,
} from '../../__testUtils__/statusFixtures';
import { DriftCard } from './DriftCard';

const ADOPTIONS_URL = `${DRIFT_URL}/adoptions`;
const ITEM = 'server.listener.smtp.bind';
const BRANCH = 'stalwart-adopt/edge/mail/3f2a9c01';

const server = setupServer();
registerMswTestHooks(server);

const dryRun = (live: string): AdoptionResultV1 => ({
  dryRun: true,
  adopted: [ITEM],
  refused: [],
  folder: 'edge/mail',
  files: [
    {
      path: 'settings-plan.ndjson',
      diff: `--- a/settings-plan.ndjson\n+++ b/settings-plan.ndjson\n@@ -1 +1 @@\n-"bind":"[::]:25"\n+"bind":"${live}"\n`,
    },
  ],
  expectedLive: { [ITEM]: live },
  branch: BRANCH,
});

/** The adoption requests the page sent, in order. */
function recordAdoptions(answer: (body: any, index: number) => Response) {
  const bodies: any[] = [];
  server.use(
    http.post(ADOPTIONS_URL, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      return answer(body, bodies.length - 1);
    }),
  );
  return bodies;
}

beforeEach(() => {
  server.use(
    http.get(STATUS_URL, () =>
      HttpResponse.json(
        statusResponse([clusterStatus({ cluster: 'homelab' })]),
      ),
    ),
    http.get(DRIFT_URL, () =>
      HttpResponse.json({ ...driftResponse(), engine: 'v0.16' }),
    ),
    http.get(ADOPTIONS_URL, () => HttpResponse.json({ proposals: [] })),
  );
});

const keepLive = (name: string) =>
  screen.findByRole('button', { name: `Keep live value: ${name}` });

/** Renders the drift view, opens Keep live value on ITEM, waits for the diff and proposes it. */
async function proposeItem() {
  await renderStalwart(<DriftCard />);
  await userEvent.click(await keepLive(ITEM));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByLabelText('Diff of settings-plan.ndjson');
  await userEvent.click(
    within(dialog).getByRole('button', { name: 'Propose in git' }),
  );
  return dialog;
}

describe('Keep live value in the drift view', () => {
  it('marks an item an open pull request already adopts as proposed, with its link, after a reload', async () => {
    const PULL = 'https://github.com/acme/fleet/pull/3';
    server.use(
      http.get(ADOPTIONS_URL, () =>
        HttpResponse.json({
          proposals: [{ branch: BRANCH, itemIds: [ITEM], url: PULL }],
        }),
      ),
    );
    await renderStalwart(<DriftCard />);

    const link = await screen.findByRole('link', {
      name: `Review it: ${PULL}`,
    });
    expect(link).toHaveAttribute('href', PULL);
    expect(link.parentElement).toHaveTextContent('Adoption proposed');
    expect(
      screen.queryByRole('button', { name: `Keep live value: ${ITEM}` }),
    ).not.toBeInTheDocument();
  });

  it('says when the open proposals could not be listed, so an item is not silently offered again', async () => {
    server.use(
      http.get(ADOPTIONS_URL, () =>
        errorResponse(502, 'ServiceUnavailableError', 'GitHub answered 502'),
      ),
    );
    await renderStalwart(<DriftCard />);

    expect(
      await screen.findByText(
        /Could not list the open adoption proposals: GitHub answered 502/,
      ),
    ).toBeInTheDocument();
    expect(await keepLive(ITEM)).toBeInTheDocument();
  });

  it('previews the diff and the target branch, then proposes the change with the live value it showed', async () => {
    const bodies = recordAdoptions(body =>
      HttpResponse.json(
        body.dryRun
          ? dryRun('[::]:2525')
          : {
              ...dryRun('[::]:2525'),
              dryRun: false,
              commitSha: 'a'.repeat(40),
            },
      ),
    );
    await renderStalwart(<DriftCard />);
    await userEvent.click(await keepLive(ITEM));

    const dialog = await screen.findByRole('dialog', {
      name: `Keep live value: ${ITEM}`,
    });
    expect(
      await within(dialog).findByLabelText('Diff of settings-plan.ndjson'),
    ).toHaveTextContent('+"bind":"[::]:2525"');
    expect(dialog).toHaveTextContent(`Branch ${BRANCH} · folder edge/mail`);
    expect(bodies).toEqual([{ itemIds: [ITEM], dryRun: true }]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Propose in git' }),
    );
    expect(
      await screen.findByText(
        `Adoption proposed on branch ${BRANCH}: merge it to keep the live value.`,
      ),
    ).toBeInTheDocument();
    expect(bodies[1]).toEqual({
      itemIds: [ITEM],
      dryRun: false,
      expectedLive: { [ITEM]: '[::]:2525' },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('links the pull request a hosted fleet repository opened for the adoption', async () => {
    const PULL = 'https://github.com/acme/fleet/pull/12';
    recordAdoptions(body =>
      HttpResponse.json(
        body.dryRun
          ? dryRun('[::]:2525')
          : { ...dryRun('[::]:2525'), dryRun: false, url: PULL },
      ),
    );
    await proposeItem();

    expect(
      await screen.findByRole('link', { name: `Review it: ${PULL}` }),
    ).toHaveAttribute('href', PULL);
  });

  it('shows the value it previewed and the value running now when the setting changed before the confirmation', async () => {
    recordAdoptions((body, index) => {
      if (!body.dryRun)
        return errorResponse(
          409,
          'ConflictError',
          `${ITEM} drifted again since the dry run: it was [::]:2525 and is now [::]:587; review the new value and adopt again`,
        );
      return HttpResponse.json(dryRun(index === 0 ? '[::]:2525' : '[::]:587'));
    });
    const dialog = await proposeItem();

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Not proposed: the setting changed since this preview',
    );
    const values = within(alert).getByLabelText(`Live values of ${ITEM}`);
    expect(values).toHaveTextContent('When previewed[::]:2525Now[::]:587');
    expect(
      within(dialog).getByRole('button', { name: 'Propose in git' }),
    ).toBeDisabled();
  });

  it('tells the loser of two racing adoptions that the other one is already proposed', async () => {
    recordAdoptions(body =>
      body.dryRun
        ? HttpResponse.json(dryRun('[::]:2525'))
        : errorResponse(
            409,
            'ConflictError',
            `Another adoption of the same settings is already proposed on branch ${BRANCH}: review or merge that one`,
          ),
    );
    const dialog = await proposeItem();
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      `already proposed on branch ${BRANCH}: review or merge that one`,
    );
    expect(within(alert).queryByLabelText(/Live values of/)).toBeNull();
  });

  it('offers nothing to a secret but a disabled button saying why, and sends nothing', async () => {
    const bodies = recordAdoptions(() => HttpResponse.json({}));
    await renderStalwart(<DriftCard />);
    const secret = await keepLive('queue.route.resend.auth.secret');
    expect(secret).toBeDisabled();
    expect(secret).toHaveAccessibleDescription(
      'A secret: its value never goes into git',
    );
    expect(await keepLive('queue.route.resend.address')).toBeEnabled();
    expect(bodies).toEqual([]);
  });

  it('disables every Keep live value with the reason when the user lacks stalwart.settings.adopt', async () => {
    // usePermission caches answers per permission and resource for the whole file: another entity.
    const entity = {
      ...mailEntity,
      metadata: { ...mailEntity.metadata, name: 'mail-no-adopt' },
    };
    server.use(
      http.get(STATUS_URL.replace('/mail/', '/mail-no-adopt/'), () =>
        HttpResponse.json(
          statusResponse([clusterStatus({ cluster: 'homelab' })]),
        ),
      ),
      http.get(DRIFT_URL.replace('/mail/', '/mail-no-adopt/'), () =>
        HttpResponse.json({ ...driftResponse(), engine: 'v0.16' }),
      ),
    );
    await renderStalwart(<DriftCard />, {
      entity,
      permission: AuthorizeResult.DENY,
    });
    await keepLive(ITEM);
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: `Keep live value: ${ITEM}` }),
      ).toBeDisabled(),
    );
    const button = screen.getByRole('button', {
      name: `Keep live value: ${ITEM}`,
    });
    expect(button).toHaveAccessibleDescription(
      'You may not adopt settings into git',
    );
  });
});
