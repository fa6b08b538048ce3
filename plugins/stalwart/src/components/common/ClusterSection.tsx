import { Alert, Badge, Flex, Text } from '@backstage/ui';
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
    <section
      aria-label={`Cluster ${cluster.cluster}`}
      style={{ marginBottom: 'var(--bui-space-4)' }}
    >
      {(props.showHeading || stale) && (
        <Flex align="center" gap="2" mb="2">
          {props.showHeading && (
            <Text as="h4" variant="title-x-small">
              Cluster {cluster.cluster}
            </Text>
          )}
          {stale && <Badge size="small">{stale}</Badge>}
        </Flex>
      )}
      {cluster.error && (
        <Alert
          status={cluster.data === 'stale' ? 'warning' : 'danger'}
          icon
          mb="2"
          title={`Cluster ${cluster.cluster}: ${cluster.error.message}${
            cluster.error.statusCode
              ? ` (HTTP ${cluster.error.statusCode})`
              : ''
          }, since ${formatAge(secondsSince(cluster.error.since))} ago`}
        />
      )}
      {cluster.data !== 'unavailable' && props.children}
    </section>
  );
}
