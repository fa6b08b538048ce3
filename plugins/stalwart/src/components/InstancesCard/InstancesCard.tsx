import { Typography } from '@material-ui/core';
import { ClusterSection } from '../common/ClusterSection';
import { ReasonList } from '../common/ReasonList';
import { StatusCard } from '../common/StatusCard';
import { PodTable } from './PodTable';
import { WorkloadSummary } from './WorkloadSummary';

/** The workload and its pods, per cluster. */
export function InstancesCard() {
  return (
    <StatusCard title="Instances" skeletonLines={5}>
      {status =>
        status.clusters.map(cluster => (
          <ClusterSection
            key={cluster.cluster}
            cluster={cluster}
            showHeading={status.clusters.length > 1}
          >
            {cluster.workload ? (
              <>
                <WorkloadSummary workload={cluster.workload} />
                <ReasonList
                  reasons={[
                    ...cluster.workload.reasons,
                    ...cluster.pods.flatMap(p => p.reasons),
                  ]}
                  label={`Workload findings in ${cluster.cluster}`}
                />
                <PodTable
                  pods={cluster.pods}
                  caption={`Pods in ${cluster.cluster}`}
                />
              </>
            ) : (
              <Typography variant="body2">
                No StatefulSet or Deployment of release{' '}
                {status.instance.release} runs in namespace{' '}
                {status.instance.namespace} here.
              </Typography>
            )}
          </ClusterSection>
        ))
      }
    </StatusCard>
  );
}
