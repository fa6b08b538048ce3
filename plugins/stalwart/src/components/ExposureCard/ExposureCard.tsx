import { PerClusterCard } from '../common/PerClusterCard';
import { ExposureDetails } from './ExposureDetails';

/** How mail reaches the instance, per cluster. */
export function ExposureCard() {
  return (
    <PerClusterCard
      title="Exposure"
      renderCluster={cluster =>
        cluster.exposure ? (
          <ExposureDetails
            exposure={cluster.exposure}
            cluster={cluster.cluster}
          />
        ) : null
      }
      notDeployed="its Service and mail ports appear here once Flux or Argo CD deploys it."
      missing={() => 'No Service data from this cluster.'}
    />
  );
}
