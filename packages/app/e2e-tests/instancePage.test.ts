import { test, expect } from '@playwright/test';
import {
  expectNoCriticalA11yViolations,
  expectNoWordWrapOrSideScroll,
  keepThemedScreenshots,
  README_VIEWPORT,
  signInAsGuest,
} from './support';

test.use({ viewport: README_VIEWPORT });

test.describe('the Mail server tab', () => {
  test('shows the healthy v0.15 instance with its pods, certificate and exposure', async ({
    page,
  }) => {
    await signInAsGuest(
      page,
      '/catalog/default/component/stalwart/mail-server',
    );

    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(
      summary.getByRole('status', { name: 'Verdict: Healthy' }),
    ).toBeVisible();
    await expect(summary.getByText('v0.15.5')).toBeVisible();
    await expect(summary.getByText('homelab')).toBeVisible();

    const instances = page.getByRole('region', { name: 'Instances' });
    await expect(instances.getByRole('row')).toHaveCount(4);
    await expect(
      instances.getByText('stalwart-antigenic-stalwart-helm-chart-2'),
    ).toBeVisible();

    const certificate = page.getByRole('region', { name: 'Certificate' });
    await expect(
      certificate.getByText('Covers mail.example.com'),
    ).toBeVisible();

    const exposure = page.getByRole('region', { name: 'Exposure' });
    await expect(exposure.getByText('203.0.113.25')).toBeVisible();

    await expectNoWordWrapOrSideScroll(page);
    await expectNoCriticalA11yViolations(page);
    await keepThemedScreenshots(page, 'instance-v015');
  });

  test('flags the v0.16 instance: expiring certificate, pending address, pod on the old config', async ({
    page,
  }) => {
    await signInAsGuest(
      page,
      '/catalog/default/component/mail-edge/mail-server',
    );

    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(
      summary.getByRole('status', { name: 'Verdict: Critical' }),
    ).toBeVisible();

    const certificate = page.getByRole('region', { name: 'Certificate' });
    await expect(certificate.getByText(/Expiring soon/)).toBeVisible();

    const exposure = page.getByRole('region', { name: 'Exposure' });
    await expect(exposure.getByText(/pending/i).first()).toBeVisible();

    const instances = page.getByRole('region', { name: 'Instances' });
    await expect(instances.getByText('Old config')).toBeVisible();

    // The settings plan on main of the seeded fleet repository against the registry.
    const drift = page.getByRole('region', { name: 'Settings drift' });
    await expect(
      drift.getByRole('button', { name: /^Declared but missing live: [1-9]/ }),
    ).toBeVisible();
    await expect(drift.getByText(/reading plan failed/)).toHaveCount(0);

    await expectNoWordWrapOrSideScroll(page);
    await expectNoCriticalA11yViolations(page);
    await keepThemedScreenshots(page, 'instance-v016');
  });
});
