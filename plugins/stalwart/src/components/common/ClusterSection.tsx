import { Box, Chip, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ClusterInstanceStatusV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { ReactNode } from 'react';
import { formatAge, secondsSince } from './formatAge';

/** "stale: 12 min old", the label stale data always carries. */
export function staleLabel(
  cluster: ClusterInstanceStatusV1,
): string | undefined {
  if (cluster.data !== 'stale') return undefined;
  const age =
    cluster.dataAgeSeconds ??
    (cluster.error ? secondsSince(cluster.error.since) : undefined);
  return age === undefined ? 'Stale data' : `Stale: ${formatAge(age)} old`;
}

/**
 * One cluster's part of a card: its name, how fresh its data is, and its error next to the
 * data that still loaded. `children` renders only when the cluster has data.
 */
export function ClusterSection(props: {
  cluster: ClusterInstanceStatusV1;
  /** Hide the cluster heading when the instance runs in one cluster only. */
  showHeading: boolean;
  children: ReactNode;
}) {
  const { cluster } = props;
  const stale = staleLabel(cluster);
  return (
    <Box component="section" aria-label={`Cluster ${cluster.cluster}`} mb={2}>
      {(props.showHeading || stale) && (
        <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
          {props.showHeading && (
            <Typography variant="subtitle2" component="h4">
              Cluster {cluster.cluster}
            </Typography>
          )}
          {stale && <Chip size="small" label={stale} color="secondary" />}
        </Box>
      )}
      {cluster.error && (
        <Alert severity={cluster.data === 'stale' ? 'warning' : 'error'}>
          Cluster {cluster.cluster}: {cluster.error.message}
          {cluster.error.statusCode
            ? ` (HTTP ${cluster.error.statusCode})`
            : ''}
          {`, since ${formatAge(secondsSince(cluster.error.since))} ago`}
        </Alert>
      )}
      {cluster.data !== 'unavailable' && props.children}
    </Box>
  );
}
