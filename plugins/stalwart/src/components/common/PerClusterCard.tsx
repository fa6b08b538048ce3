import { Text } from '@backstage/ui';
import type {
  ClusterInstanceStatusV1,
  InstanceStatusResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { ReactNode } from 'react';
import { isDeployed } from '../Lifecycle/lifecycleText';
import { NotDeployedText } from '../Lifecycle/NotDeployedText';
import { ClusterSection } from './ClusterSection';
import { StatusCard } from './StatusCard';

/**
 * A status card with one section per cluster: `renderCluster` draws what the cluster has, or
 * returns `null` when it has nothing of the kind, and then `missing` says so. Before the
 * instance is deployed no cluster has anything: the card says `notDeployed` once instead.
 */
export function PerClusterCard(props: {
  title: string;
  renderCluster: (
    cluster: ClusterInstanceStatusV1,
    status: InstanceStatusResponseV1,
  ) => ReactNode | null;
  missing: (status: InstanceStatusResponseV1) => ReactNode;
  notDeployed: string;
}) {
  return (
    <StatusCard title={props.title} skeletonLines={5}>
      {status =>
        status.lifecycle && !isDeployed(status.lifecycle) ? (
          <NotDeployedText
            lifecycle={status.lifecycle}
            what={props.notDeployed}
          />
        ) : (
          status.clusters.map(cluster => (
            <ClusterSection
              key={cluster.cluster}
              cluster={cluster}
              showHeading={status.clusters.length > 1}
            >
              {props.renderCluster(cluster, status) ?? (
                <Text as="p" variant="body-medium">
                  {props.missing(status)}
                </Text>
              )}
            </ClusterSection>
          ))
        )
      }
    </StatusCard>
  );
}
