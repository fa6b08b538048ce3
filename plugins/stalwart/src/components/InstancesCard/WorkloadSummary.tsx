import { Box, LinearProgress, Typography } from '@material-ui/core';
import type { WorkloadStatus } from '@stalwart-backstage/plugin-stalwart-common';

/** The StatefulSet or Deployment: replicas ready, and how far a rollout has come. */
export function WorkloadSummary(props: { workload: WorkloadStatus }) {
  const { workload } = props;
  const { desired, ready, updated } = workload.replicas;
  const progress = desired === 0 ? 100 : Math.round((updated / desired) * 100);
  return (
    <Box mb={2}>
      <Typography variant="body1">
        {workload.kind} <strong>{workload.name}</strong>: {ready}/{desired}{' '}
        ready
        {workload.dataStore ? `, data store ${workload.dataStore}` : ''}
      </Typography>
      {workload.rolloutInProgress && (
        <Box mt={1}>
          <Typography variant="body2" id={`rollout-${workload.name}`}>
            Rollout in progress: {updated} of {desired} pods updated
            {workload.revisions.update
              ? ` to ${workload.revisions.update}`
              : ''}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={progress}
            aria-labelledby={`rollout-${workload.name}`}
          />
        </Box>
      )}
    </Box>
  );
}
