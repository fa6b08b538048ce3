import { Text } from '@backstage/ui';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { ReactNode } from 'react';
import { staleLabel } from '../common/ClusterSection';
import { ReasonList } from '../common/ReasonList';
import { GitOpsActions } from '../GitOpsActions/GitOpsActions';
import { LifecycleNotice } from '../Lifecycle/LifecycleNotice';
import { isDeployed, isMergeable } from '../Lifecycle/lifecycleText';
import { MergeProposalButton } from '../Lifecycle/MergeProposalButton';
import { VerdictHeadline } from '../common/VerdictBadge';
import { chartLabel, gitopsSummary, runningVersions } from './summaries';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>
        <Text as="span" variant="body-small" color="secondary">
          {props.label}
        </Text>
      </dt>
      <dd style={{ margin: 0 }}>
        <Text as="span" variant="body-large">
          {props.children}
        </Text>
      </dd>
    </div>
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
    <>
      <LifecycleNotice status={status} />
      {status.lifecycle?.proposal && (
        <MergeProposalButton
          entityRef={status.entityRef}
          branch={status.lifecycle.proposal.branch}
          mergeable={isMergeable(status.lifecycle)}
        />
      )}
      {/* Before the release is meant to reach a cluster there is nothing to judge yet. */}
      {isDeployed(status.lifecycle) && (
        <>
          <VerdictHeadline state={status.verdict.state} />
          <ReasonList
            reasons={status.verdict.reasons}
            label="Verdict reasons"
          />
        </>
      )}
      {/* As many columns as fit at 220 px each: four on a wide screen, one on a phone. */}
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
          gap: 'var(--bui-space-4)',
          margin: 'var(--bui-space-2) 0 0',
        }}
      >
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
      </dl>
      <GitOpsActions status={status} />
    </>
  );
}
