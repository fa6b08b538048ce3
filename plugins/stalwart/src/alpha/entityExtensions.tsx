import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isStalwartInstance } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * `entity-content:stalwart/mail-server`: the "Mail server" tab of instance entities.
 *
 * @alpha
 */
export const stalwartMailServerContent = EntityContentBlueprint.make({
  name: 'mail-server',
  params: {
    path: 'mail-server',
    title: 'Mail server',
    filter: isStalwartInstance,
    loader: () =>
      import('../components/MailServerContent/MailServerContent').then(m => (
        <m.MailServerContent />
      )),
  },
});

/**
 * `entity-card:stalwart/verdict`: the Overview card with the verdict and its reasons.
 *
 * @alpha
 */
export const stalwartVerdictCard = EntityCardBlueprint.make({
  name: 'verdict',
  params: {
    filter: isStalwartInstance,
    type: 'info',
    loader: () =>
      import('../components/OverviewCards/VerdictCard').then(m => (
        <m.VerdictCard />
      )),
  },
});

/**
 * `entity-card:stalwart/certificate`: the Overview card with the certificate countdown.
 *
 * @alpha
 */
export const stalwartCertificateCard = EntityCardBlueprint.make({
  name: 'certificate',
  params: {
    filter: isStalwartInstance,
    type: 'info',
    loader: () =>
      import('../components/OverviewCards/CertificateCountdownCard').then(m => (
        <m.CertificateCountdownCard />
      )),
  },
});
