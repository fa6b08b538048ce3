import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
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
  mailReleaseObjects,
  statusResponse,
  unavailableCluster,
} from '../../__testUtils__/statusFixtures';
import { MailServerContent } from './MailServerContent';

const server = setupServer();
registerMswTestHooks(server);

function serve(status: unknown, drift: unknown = driftResponse()) {
  let statusRequests = 0;
  server.use(
    http.get(STATUS_URL, () => {
      statusRequests += 1;
      return HttpResponse.json(status as any);
    }),
    http.get(DRIFT_URL, () => HttpResponse.json(drift as any)),
  );
  return { statusRequests: () => statusRequests };
}

const region = (name: string) => screen.getByRole('region', { name });

describe('MailServerContent', () => {
  it('shows a loading skeleton in every card until the status arrives', async () => {
    server.use(http.get(STATUS_URL, () => new Promise(() => {})));
    server.use(http.get(DRIFT_URL, () => new Promise(() => {})));
    await renderStalwart(<MailServerContent />);

    for (const name of ['Summary', 'Instances', 'Certificate', 'Exposure']) {
      expect(
        within(region(name)).getByRole('progressbar', {
          name: 'Loading instance status',
        }),
      ).toBeInTheDocument();
    }
    expect(
      within(region('Settings drift')).getByRole('progressbar', {
        name: 'Loading settings drift',
      }),
    ).toBeInTheDocument();
  });

  it('shows every card from one status request for the healthy release', async () => {
    const requests = serve(
      statusResponse([clusterStatus({ cluster: 'homelab' })]),
    );
    await renderStalwart(<MailServerContent />);

    const summary = region('Summary');
    expect(
      await within(summary).findByRole('status', { name: 'Verdict: Healthy' }),
    ).toBeInTheDocument();
    expect(within(summary).getByText('v0.15.5')).toBeInTheDocument();
    expect(
      within(summary).getByText(/Antigenic Stalwart chart/),
    ).toBeInTheDocument();
    expect(within(summary).getByText(/^Flux: ready/)).toBeInTheDocument();

    const pods = within(region('Instances')).getByRole('grid', {
      name: 'Pods in homelab',
    });
    expect(within(pods).getAllByRole('row')).toHaveLength(4);
    expect(
      within(pods).getByRole('row', {
        name: /^mail-antigenic-stalwart-helm-chart-0/,
      }),
    ).toBeInTheDocument();

    const certificate = region('Certificate');
    expect(
      within(certificate).getByRole('img', {
        name: 'Certificate: 62 days left',
      }),
    ).toBeInTheDocument();
    expect(
      within(certificate).getByText('ClusterIssuer letsencrypt-dns'),
    ).toBeInTheDocument();
    expect(
      within(certificate).getByText('Covers mail.example.com'),
    ).toBeInTheDocument();

    const ports = within(region('Exposure')).getByRole('grid', {
      name: 'Ports in homelab',
    });
    expect(within(ports).getAllByText('Exposed').length).toBeGreaterThan(0);

    await waitFor(() => expect(requests.statusRequests()).toBe(1));
  });

  it('marks a pod that still runs the old config and a certificate about to expire', async () => {
    const objects = mailReleaseObjects({ certificateDaysLeft: 5 });
    objects.pods[1].metadata!.annotations!['checksum/config'] =
      'an-older-checksum';
    serve(statusResponse([clusterStatus({ cluster: 'homelab', objects })]));
    await renderStalwart(<MailServerContent />);

    expect(
      await within(region('Summary')).findByRole('status', {
        name: 'Verdict: Critical',
      }),
    ).toBeInTheDocument();
    const pods = within(region('Instances')).getByRole('grid', {
      name: 'Pods in homelab',
    });
    const stale = within(pods).getByRole('row', {
      name: /mail-antigenic-stalwart-helm-chart-1/,
    });
    expect(within(stale).getByText('Old config')).toBeInTheDocument();
    expect(
      within(region('Certificate')).getByRole('img', {
        name: 'Certificate: 5 days left',
      }),
    ).toBeInTheDocument();
  });

  it('shows a failing cluster next to the cluster that still loaded', async () => {
    serve(
      statusResponse([
        clusterStatus({ cluster: 'homelab' }),
        unavailableCluster('edge', 'Unauthorized'),
      ]),
    );
    await renderStalwart(<MailServerContent />);

    const certificate = region('Certificate');
    const edge = await within(certificate).findByRole('region', {
      name: 'Cluster edge',
    });
    expect(
      within(edge).getByText(/Cluster edge: Unauthorized \(HTTP 401\)/),
    ).toBeInTheDocument();
    const homelab = within(certificate).getByRole('region', {
      name: 'Cluster homelab',
    });
    expect(
      within(homelab).getByRole('img', { name: 'Certificate: 62 days left' }),
    ).toBeInTheDocument();
    expect(
      within(region('Summary')).getByText('homelab, edge (unavailable)'),
    ).toBeInTheDocument();
  });

  it('labels stale data with its age', async () => {
    serve(
      statusResponse([
        clusterStatus({
          cluster: 'homelab',
          data: 'stale',
          staleForSeconds: 720,
        }),
      ]),
    );
    await renderStalwart(<MailServerContent />);

    const instances = region('Instances');
    expect(
      await within(instances).findByText('Stale: 12 min old'),
    ).toBeInTheDocument();
    expect(
      within(instances).getByText(
        /the server is currently unable to handle the request \(HTTP 503\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(instances).getByRole('grid', { name: 'Pods in homelab' }),
    ).toBeInTheDocument();
  });

  it('says which permission is missing when the status is denied', async () => {
    server.use(
      http.get(STATUS_URL, () =>
        errorResponse(
          403,
          'NotAllowedError',
          'You may not read the status of component:default/mail',
        ),
      ),
      http.get(DRIFT_URL, () => HttpResponse.json(driftResponse())),
    );
    await renderStalwart(<MailServerContent />);

    const summary = region('Summary');
    expect(
      await within(summary).findByText(
        /You do not have permission to see the instance status/,
      ),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText('stalwart.instance.read'),
    ).toBeInTheDocument();
  });

  it('names the missing annotation and links to the docs on an entity that is not an instance', async () => {
    const entity = {
      ...mailEntity,
      metadata: { name: 'website', annotations: {} },
    };
    await renderStalwart(<MailServerContent />, {
      entity,
      config: {
        stalwart: {
          frontend: { docsUrl: 'https://docs.example.com/stalwart' },
        },
      },
    });

    expect(
      screen.getByText('Missing annotation: stalwart.io/release'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Read the setup docs/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/stalwart');
  });

  it('says no cluster runs the instance when the backend reads none', async () => {
    serve(statusResponse([]));
    await renderStalwart(<MailServerContent />);

    expect(
      await within(region('Instances')).findByText(
        'No cluster runs this instance',
      ),
    ).toBeInTheDocument();
    expect(
      within(region('Instances')).getByText('kubernetes.clusterLocatorMethods'),
    ).toBeInTheDocument();
  });

  it('keeps the data and says the refresh failed when a later read fails', async () => {
    serve(statusResponse([clusterStatus({ cluster: 'homelab' })]));
    const { cache } = await renderStalwart(<MailServerContent />, {
      permission: AuthorizeResult.ALLOW,
    });
    expect(
      await within(region('Summary')).findByRole('status', {
        name: 'Verdict: Healthy',
      }),
    ).toBeInTheDocument();

    server.use(
      http.get(STATUS_URL, () =>
        errorResponse(502, 'Error', 'backend restarting'),
      ),
    );
    await cache.refresh('status:component:default/mail');

    expect(
      await within(region('Summary')).findByText(
        /Refreshing the instance status failed \(backend restarting\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(region('Summary')).getByRole('status', {
        name: 'Verdict: Healthy',
      }),
    ).toBeInTheDocument();
  });
});
