import { Box, Grid, Typography } from '@material-ui/core';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { ReactNode } from 'react';
import { staleLabel } from '../common/ClusterSection';
import { ReasonList } from '../common/ReasonList';
import { GitOpsActions } from '../GitOpsActions/GitOpsActions';
import { VerdictHeadline } from '../common/VerdictBadge';
import { chartLabel, gitopsSummary, runningVersions } from './summaries';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={12} sm={6} md={3}>
      <Typography variant="overline" component="dt" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="body1" component="dd" style={{ margin: 0 }}>
        {props.children}
      </Typography>
    </Grid>
  );
}

function versionText(versions: string[]): string {
  if (versions.length === 0) return 'Unknown';
  if (versions.length === 1) return versions[0];
  return `${versions.join(', ')} (mixed)`;
}

/** The instance at a glance: verdict with its reasons, version, chart, clusters, GitOps. */
export function SummaryStrip(props: { status: InstanceStatusResponseV1 }) {
  const { status } = props;
  const versions = runningVersions(status.clusters);
  return (
    <Box>
      <VerdictHeadline state={status.verdict.state} />
      <ReasonList reasons={status.verdict.reasons} label="Verdict reasons" />
      <Grid container component="dl" spacing={2} style={{ margin: 0 }}>
        <Fact label="Stalwart version">{versionText(versions)}</Fact>
        <Fact label="Chart">{chartLabel(status.instance.chart)}</Fact>
        <Fact label="Clusters">
          {status.clusters
            .map(c => {
              const note =
                c.data === 'unavailable' ? 'unavailable' : staleLabel(c);
              return note
                ? `${c.cluster} (${note.toLocaleLowerCase()})`
                : c.cluster;
            })
            .join(', ')}
        </Fact>
        <Fact label="GitOps">
          {status.clusters
            .filter(c => c.data !== 'unavailable')
            .map(c => {
              const summary = gitopsSummary(c.gitops).text;
              return status.clusters.length > 1
                ? `${c.cluster}: ${summary}`
                : summary;
            })
            .join('; ') || 'Unknown'}
        </Fact>
      </Grid>
      <GitOpsActions status={status} />
    </Box>
  );
}
