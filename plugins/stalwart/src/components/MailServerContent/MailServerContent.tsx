import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid } from '@material-ui/core';
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
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <StatusCard title="Summary" skeletonLines={3}>
          {status => <SummaryStrip status={status} />}
        </StatusCard>
      </Grid>
      {/* The pod table has seven columns: it gets the full width. */}
      <Grid item xs={12}>
        <InstancesCard />
      </Grid>
      <Grid item xs={12} lg={6}>
        <CertificateCard />
      </Grid>
      <Grid item xs={12} lg={6}>
        <ExposureCard />
      </Grid>
      <Grid item xs={12}>
        <DriftCard />
      </Grid>
    </Grid>
  );
}
