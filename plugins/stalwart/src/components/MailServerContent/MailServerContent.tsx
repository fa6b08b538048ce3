import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@backstage/ui';
import { isStalwartInstance } from '@stalwart-backstage/plugin-stalwart-common';
import { CertificateCard } from '../CertificateCard/CertificateCard';
import { SectionCard } from '../common/SectionCard';
import { SetupEmptyState } from '../common/SetupEmptyState';
import { StatusCard } from '../common/StatusCard';
import { DriftCard } from '../DriftCard/DriftCard';
import { ExposureCard } from '../ExposureCard/ExposureCard';
import { InstancesCard } from '../InstancesCard/InstancesCard';
import { SummaryStrip } from '../SummaryStrip/SummaryStrip';

/**
 * The "Mail server" tab: every card reads the one shared status query of the entity, so the
 * page makes one status request per refresh however many cards it shows.
 */
export function MailServerContent() {
  const { entity } = useEntity();
  if (!isStalwartInstance(entity)) {
    return (
      <SectionCard title="Mail server">
        <SetupEmptyState missing="annotation" />
      </SectionCard>
    );
  }
  return (
    <Grid.Root columns="12" gap="4">
      <Grid.Item colSpan="12">
        <StatusCard title="Summary" skeletonLines={3}>
          {status => <SummaryStrip status={status} />}
        </StatusCard>
      </Grid.Item>
      {/* The pod table has eight columns: it gets the full width. */}
      <Grid.Item colSpan="12">
        <InstancesCard />
      </Grid.Item>
      {/* Side by side only from 1536 px, where each half still fits its DNS names and ports. */}
      <Grid.Item colSpan={{ initial: '12', xl: '6' }}>
        <CertificateCard />
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', xl: '6' }}>
        <ExposureCard />
      </Grid.Item>
      <Grid.Item colSpan="12">
        <DriftCard />
      </Grid.Item>
    </Grid.Root>
  );
}
