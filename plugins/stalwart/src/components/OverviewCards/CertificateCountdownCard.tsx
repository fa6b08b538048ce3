import { Flex, Text } from '@backstage/ui';
import {
  CertificateCountdown,
  countdownText,
} from '../CertificateCard/CertificateCountdown';
import { staleLabel } from '../common/ClusterSection';
import { StatusCard } from '../common/StatusCard';

/** The Overview tab's certificate card: days left per cluster. */
export function CertificateCountdownCard() {
  return (
    <StatusCard title="Mail certificate" skeletonLines={2}>
      {status => (
        <Flex gap="5" style={{ flexWrap: 'wrap' }}>
          {status.clusters.map(cluster => (
            <Flex key={cluster.cluster} align="center" gap="3">
              {cluster.certificate ? (
                <CertificateCountdown
                  certificate={cluster.certificate}
                  size={72}
                />
              ) : null}
              <div>
                <Text as="p" variant="title-x-small">
                  {cluster.cluster}
                </Text>
                <Text as="p" variant="body-medium">
                  {cluster.certificate
                    ? countdownText(cluster.certificate)
                    : cluster.error?.message ?? 'No data'}
                </Text>
                {staleLabel(cluster) && (
                  <Text as="p" variant="body-small" color="secondary">
                    {staleLabel(cluster)}
                  </Text>
                )}
              </div>
            </Flex>
          ))}
        </Flex>
      )}
    </StatusCard>
  );
}
