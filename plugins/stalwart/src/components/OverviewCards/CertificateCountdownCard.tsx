import { Box, Typography } from '@material-ui/core';
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
        <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
          {status.clusters.map(cluster => (
            <Box
              key={cluster.cluster}
              display="flex"
              alignItems="center"
              style={{ gap: 12 }}
            >
              {cluster.certificate ? (
                <CertificateCountdown
                  certificate={cluster.certificate}
                  size={72}
                />
              ) : null}
              <Box>
                <Typography variant="subtitle2" component="p">
                  {cluster.cluster}
                </Typography>
                <Typography variant="body2">
                  {cluster.certificate
                    ? countdownText(cluster.certificate)
                    : cluster.error?.message ?? 'No data'}
                </Typography>
                {staleLabel(cluster) && (
                  <Typography variant="caption" color="textSecondary">
                    {staleLabel(cluster)}
                  </Typography>
                )}
              </Box>
            </Box>
          ))}
        </Box>
      )}
    </StatusCard>
  );
}
