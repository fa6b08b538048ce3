import { Alert, Flex, Link, Text } from '@backstage/ui';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { LIFECYCLE_STATUS, lifecycleTitle } from './lifecycleText';

/**
 * Where the instance is between its proposal and running pods, until it runs: a proposal is not
 * an outage, so this notice (not a Critical verdict) is what a freshly created instance shows.
 */
export function LifecycleNotice(props: { status: InstanceStatusResponseV1 }) {
  const { lifecycle } = props.status;
  if (!lifecycle || lifecycle.phase === 'running') return null;
  const title = lifecycleTitle(lifecycle);
  const proposal = lifecycle.proposal;
  return (
    <Alert
      role="status"
      aria-label={`Lifecycle: ${title}`}
      status={LIFECYCLE_STATUS[lifecycle.phase]}
      icon
      isPending={
        lifecycle.phase === 'merged' || lifecycle.phase === 'reconciling'
      }
      title={title}
      mb="3"
      description={
        <Flex direction="column" gap="1">
          <Text as="p" variant="body-medium">
            {lifecycle.message}
          </Text>
          {proposal?.url && proposal.state !== 'deleted' && (
            <Link href={proposal.url} target="_blank" rel="noopener">
              View the proposal on branch {proposal.branch}
            </Link>
          )}
        </Flex>
      }
    />
  );
}
