import { Typography } from '@material-ui/core';
import { ClusterSection } from '../common/ClusterSection';
import { StatusCard } from '../common/StatusCard';
import { CertificateDetails } from './CertificateDetails';

/** The instance's TLS certificate, per cluster. */
export function CertificateCard() {
  return (
    <StatusCard title="Certificate" skeletonLines={5}>
      {status =>
        status.clusters.map(cluster => (
          <ClusterSection
            key={cluster.cluster}
            cluster={cluster}
            showHeading={status.clusters.length > 1}
          >
            {cluster.certificate ? (
              <CertificateDetails
                certificate={cluster.certificate}
                cluster={cluster.cluster}
              />
            ) : (
              <Typography variant="body2">
                No certificate data from this cluster.
              </Typography>
            )}
          </ClusterSection>
        ))
      }
    </StatusCard>
  );
}
