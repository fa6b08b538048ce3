import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ProposalMergeResultV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { driftResponse } from '../../__testUtils__/driftFixtures';
import {
  DRIFT_URL,
  entityUrl,
  renderStalwart,
  STATUS_URL,
} from '../../__testUtils__/renderStalwart';
import {
  lifecycleStatusResponse,
  mailReleaseObjects,
} from '../../__testUtils__/statusFixtures';
import { MailServerContent } from '../MailServerContent/MailServerContent';

const server = setupServer();
registerMswTestHooks(server);

const MERGE_URL = entityUrl('mail', 'proposal/merge');
const PROPOSAL = {
  branch: 'stalwart/mail',
  url: 'file:///srv/fleet/-/blob/stalwart%2Fmail/instances/mail/catalog-info.yaml',
};
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);

function serveStatus(...responses: unknown[]) {
  let calls = 0;
  server.use(
    http.get(STATUS_URL, () =>
      HttpResponse.json(
        responses[Math.min(calls++, responses.length - 1)] as any,
      ),
    ),
    http.get(DRIFT_URL, () => HttpResponse.json(driftResponse() as any)),
  );
  return { calls: () => calls };
}

const summary = () => screen.getByRole('region', { name: 'Summary' });

describe('the lifecycle on the Mail server tab', () => {
  it('shows a proposed instance as proposed on its branch with a link to the proposal, not as Critical', async () => {
    serveStatus(lifecycleStatusResponse({ ...PROPOSAL, state: 'open' }));
    await renderStalwart(<MailServerContent />);

    expect(
      await within(summary()).findByRole('status', {
        name: 'Lifecycle: Proposed on branch stalwart/mail, not deployed yet',
      }),
    ).toBeInTheDocument();
    expect(
      within(summary()).getByRole('link', {
        name: 'View the proposal on branch stalwart/mail',
      }),
    ).toHaveAttribute('href', PROPOSAL.url);
    for (const card of ['Summary', 'Instances', 'Certificate', 'Exposure'])
      expect(
        within(screen.getByRole('region', { name: card })).queryByText(
          'Critical',
        ),
      ).not.toBeInTheDocument();
    expect(
      within(summary()).queryByRole('status', { name: /^Verdict/ }),
    ).not.toBeInTheDocument();
    expect(
      within(summary()).getByRole('button', { name: 'Merge to deploy' }),
    ).toBeInTheDocument();
  });

  it('says once per card that nothing runs yet, instead of per-cluster missing objects, while the instance is proposed', async () => {
    serveStatus(lifecycleStatusResponse({ ...PROPOSAL, state: 'open' }));
    await renderStalwart(<MailServerContent />);

    const certificate = screen.getByRole('region', { name: 'Certificate' });
    expect(await within(certificate).findByRole('status')).toHaveTextContent(
      'Proposed on branch stalwart/mail, not deployed yet: cert-manager issues its certificate once Flux or Argo CD deploys it.',
    );
    for (const card of ['Instances', 'Certificate', 'Exposure']) {
      const region = screen.getByRole('region', { name: card });
      expect(
        within(region).queryByText(/Missing|No Service|No StatefulSet/),
      ).not.toBeInTheDocument();
      expect(
        within(region).queryByRole('heading', { name: /^Cluster / }),
      ).not.toBeInTheDocument();
    }
  });

  it('says Reconciling with the rollout underway and keeps the verdict once pods exist', async () => {
    const objects = mailReleaseObjects();
    objects.workload!.status!.readyReplicas = 0;
    serveStatus(
      lifecycleStatusResponse({ ...PROPOSAL, state: 'merged' }, objects),
    );
    await renderStalwart(<MailServerContent />);

    expect(
      await within(summary()).findByRole('status', {
        name: 'Lifecycle: Reconciling',
      }),
    ).toBeInTheDocument();
    expect(
      within(summary()).getByText('Flux or Argo CD is rolling the release out'),
    ).toBeInTheDocument();
    expect(
      within(summary()).getByRole('status', { name: /^Verdict/ }),
    ).toBeInTheDocument();
  });

  it('merges the proposal from the tab: previews the files, merges exactly the preview, then shows it merged', async () => {
    const status = serveStatus(
      lifecycleStatusResponse({ ...PROPOSAL, state: 'open' }),
      lifecycleStatusResponse({ ...PROPOSAL, state: 'merged' }),
    );
    const bodies: unknown[] = [];
    server.use(
      http.post(MERGE_URL, async ({ request }) => {
        const body = (await request.json()) as { dryRun: boolean };
        bodies.push(body);
        const result: ProposalMergeResultV1 = {
          entityRef: 'component:default/mail',
          dryRun: body.dryRun,
          branch: 'stalwart/mail',
          into: 'main',
          baseSha: BASE,
          headSha: HEAD,
          files: [
            { status: 'added', path: 'instances/mail/values.yaml' },
            { status: 'added', path: 'instances/mail/helmrelease.yaml' },
          ],
          ...(body.dryRun ? {} : { mergeSha: 'c'.repeat(40) }),
        };
        return HttpResponse.json(result);
      }),
    );
    await renderStalwart(<MailServerContent />);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Merge to deploy' }),
    );
    const dialog = await screen.findByRole('dialog');
    const files = await within(dialog).findByRole('list', {
      name: 'Files the merge brings',
    });
    expect(within(files).getAllByRole('listitem')).toHaveLength(2);
    expect(within(files).getByText('instances/mail/values.yaml')).toBeTruthy();

    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Merge into main',
      }),
    );

    // The merge refreshes the status, which moves the lifecycle on under the open dialog.
    await waitFor(() => expect(status.calls()).toBe(2));
    expect(
      await within(screen.getByRole('dialog')).findByText(
        `Merged into main as ${'c'.repeat(12)}`,
      ),
    ).toBeVisible();
    expect(bodies).toEqual([
      { dryRun: true },
      { dryRun: false, expectedBaseSha: BASE, expectedHeadSha: HEAD },
    ]);
    await userEvent.click(
      within(screen.getByRole('dialog')).getAllByRole('button', {
        name: 'Close',
      })[0],
    );
    expect(
      within(summary()).queryByRole('button', { name: 'Merge to deploy' }),
    ).not.toBeInTheDocument();
    expect(
      await within(summary()).findByRole('status', {
        name: 'Lifecycle: Merged, waiting for Flux or Argo CD to deploy it',
      }),
    ).toBeInTheDocument();
  });

  it('shows the server\u2019s reason when the merge is refused', async () => {
    serveStatus(lifecycleStatusResponse({ ...PROPOSAL, state: 'open' }));
    server.use(
      http.post(MERGE_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message:
                'Branch stalwart/mail conflicts with main in instances/mail/values.yaml: resolve the conflict on the branch, then merge again',
            },
            request: { method: 'POST', url: MERGE_URL },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await renderStalwart(<MailServerContent />);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Merge to deploy' }),
    );
    expect(
      await within(await screen.findByRole('dialog')).findByText(
        /conflicts with main in instances\/mail\/values.yaml/,
      ),
    ).toBeInTheDocument();
  });

  it('offers no merge to a user without stalwart.proposal.merge, yet shows the proposal', async () => {
    // usePermission caches its answer per permission and resource for the whole file.
    serveStatus({
      ...lifecycleStatusResponse({ ...PROPOSAL, state: 'open' }),
      entityRef: 'component:default/other',
    });
    await renderStalwart(<MailServerContent />, {
      permission: AuthorizeResult.DENY,
    });

    expect(
      await within(summary()).findByRole('status', {
        name: 'Lifecycle: Proposed on branch stalwart/mail, not deployed yet',
      }),
    ).toBeInTheDocument();
    expect(
      within(summary()).queryByRole('button', { name: 'Merge to deploy' }),
    ).not.toBeInTheDocument();
  });
});
