import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
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
import { CertificateCountdownCard } from './CertificateCountdownCard';
import { VerdictCard } from './VerdictCard';

const server = setupServer();
registerMswTestHooks(server);

function Both() {
  return (
    <>
      <VerdictCard />
      <CertificateCountdownCard />
    </>
  );
}

describe('Overview cards', () => {
  it('share one status request and show the verdict with its reasons and the countdown', async () => {
    let requests = 0;
    server.use(
      http.get(STATUS_URL, () => {
        requests += 1;
        return HttpResponse.json(
          statusResponse([
            clusterStatus({
              cluster: 'homelab',
              objects: mailReleaseObjects({ certificateDaysLeft: 20 }),
            }),
          ]),
        );
      }),
    );
    await renderStalwart(<Both />);

    const verdict = screen.getByRole('region', { name: 'Mail server status' });
    expect(
      await within(verdict).findByRole('status', {
        name: 'Verdict: Needs attention',
      }),
    ).toBeInTheDocument();
    expect(within(verdict).getByText(/expires in 20 days/)).toBeInTheDocument();
    const certificate = screen.getByRole('region', {
      name: 'Mail certificate',
    });
    expect(
      within(certificate).getByRole('img', {
        name: 'Certificate: 20 days left',
      }),
    ).toBeInTheDocument();
    expect(requests).toBe(1);
  });

  it('show skeletons while loading', async () => {
    server.use(http.get(STATUS_URL, () => new Promise(() => {})));
    await renderStalwart(<Both />);
    expect(
      screen.getAllByRole('progressbar', { name: 'Loading instance status' }),
    ).toHaveLength(2);
  });

  it('show the cluster that failed beside the one that answered, and stale data as stale', async () => {
    server.use(
      http.get(STATUS_URL, () =>
        HttpResponse.json(
          statusResponse([
            clusterStatus({
              cluster: 'homelab',
              data: 'stale',
              staleForSeconds: 180,
            }),
            unavailableCluster('edge', 'Unauthorized'),
          ]),
        ),
      ),
    );
    await renderStalwart(<Both />);

    const certificate = screen.getByRole('region', {
      name: 'Mail certificate',
    });
    expect(
      await within(certificate).findByText('Stale: 3 min old'),
    ).toBeInTheDocument();
    expect(within(certificate).getByText('Unauthorized')).toBeInTheDocument();
    expect(
      within(certificate).getByRole('img', {
        name: 'Certificate: 62 days left',
      }),
    ).toBeInTheDocument();
  });

  it('explain a denial', async () => {
    server.use(
      http.get(STATUS_URL, () => errorResponse(403, 'NotAllowedError', 'no')),
    );
    await renderStalwart(<Both />);
    expect(await screen.findAllByText('stalwart.instance.read')).toHaveLength(
      2,
    );
  });

  it('name the missing annotation on other entities', async () => {
    await renderStalwart(<Both />, {
      entity: { ...mailEntity, metadata: { name: 'website' } },
    });
    expect(
      screen.getAllByText('Missing annotation: stalwart.io/release'),
    ).toHaveLength(2);
  });
});
