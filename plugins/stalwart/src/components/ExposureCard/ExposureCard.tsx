import { Typography } from '@material-ui/core';
import { ClusterSection } from '../common/ClusterSection';
import { StatusCard } from '../common/StatusCard';
import { ExposureDetails } from './ExposureDetails';

/** How mail reaches the instance, per cluster. */
export function ExposureCard() {
  return (
    <StatusCard title="Exposure" skeletonLines={5}>
      {status =>
        status.clusters.map(cluster => (
          <ClusterSection
            key={cluster.cluster}
            cluster={cluster}
            showHeading={status.clusters.length > 1}
          >
            {cluster.exposure ? (
              <ExposureDetails
                exposure={cluster.exposure}
                cluster={cluster.cluster}
              />
            ) : (
              <Typography variant="body2">
                No Service data from this cluster.
              </Typography>
            )}
          </ClusterSection>
        ))
      }
    </StatusCard>
  );
}
