import { Box, Text } from '@backstage/ui';
import type { WorkloadStatus } from '@stalwart-backstage/plugin-stalwart-common';
import { ProgressBar } from '../common/ProgressBar';

/** The StatefulSet or Deployment: replicas ready, and how far a rollout has come. */
export function WorkloadSummary(props: { workload: WorkloadStatus }) {
  const { workload } = props;
  const { desired, ready, updated } = workload.replicas;
  const progress = desired === 0 ? 100 : Math.round((updated / desired) * 100);
  return (
    <Box mb="4">
      <Text as="p" variant="body-large">
        {workload.kind} <strong>{workload.name}</strong>: {ready}/{desired}{' '}
        ready
        {workload.dataStore ? `, data store ${workload.dataStore}` : ''}
      </Text>
      {workload.rolloutInProgress && (
        <Box mt="2">
          <Text as="p" variant="body-medium" id={`rollout-${workload.name}`}>
            Rollout in progress: {updated} of {desired} pods updated
            {workload.revisions.update
              ? ` to ${workload.revisions.update}`
              : ''}
          </Text>
          <ProgressBar
            value={progress}
            labelledBy={`rollout-${workload.name}`}
          />
        </Box>
      )}
    </Box>
  );
}
