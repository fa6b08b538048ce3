import { PerClusterCard } from '../common/PerClusterCard';
import { CertificateDetails } from './CertificateDetails';

/** The instance's TLS certificate, per cluster. */
export function CertificateCard() {
  return (
    <PerClusterCard
      title="Certificate"
      renderCluster={cluster =>
        cluster.certificate ? (
          <CertificateDetails
            certificate={cluster.certificate}
            cluster={cluster.cluster}
          />
        ) : null
      }
      notDeployed="cert-manager issues its certificate once Flux or Argo CD deploys it."
      missing={() => 'No certificate data from this cluster.'}
    />
  );
}
