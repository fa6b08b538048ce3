import { PerClusterCard } from '../common/PerClusterCard';
import { ReasonList } from '../common/ReasonList';
import { PodTable } from './PodTable';
import { WorkloadSummary } from './WorkloadSummary';

/** The workload and its pods, per cluster. */
export function InstancesCard() {
  return (
    <PerClusterCard
      title="Instances"
      renderCluster={cluster =>
        cluster.workload ? (
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
        ) : null
      }
      notDeployed="its StatefulSet or Deployment and pods appear here once Flux or Argo CD deploys it."
      missing={status =>
        `No StatefulSet or Deployment of release ${status.instance.release} runs in namespace ${status.instance.namespace} here.`
      }
    />
  );
}
