import { Button, Flex, Link, Text } from '@backstage/ui';
import type {
  AdoptionProposalV1,
  DriftEngine,
  DriftItemV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { useId } from 'react';
import { itemName } from './driftItems';
import { keepLiveAvailability } from './keepLiveAvailability';

// A branch name or URL is one word to a reader: cut it at the cell's edge, never break it.
const ONE_LINE = { display: 'block', maxWidth: '100%' } as const;

/**
 * "Keep live value" for one drifted item, disabled with its reason when it cannot apply, or
 * "Adoption proposed" with the pull / merge request when an open adoption already keeps it.
 */
export function KeepLiveButton(props: {
  item: DriftItemV1;
  engine: DriftEngine;
  allowed: boolean;
  proposal?: AdoptionProposalV1;
  onKeepLive: (item: DriftItemV1) => void;
}) {
  const { item, proposal } = props;
  const reasonId = useId();
  const availability = keepLiveAvailability(item, props);
  if (!availability.offered) return null;
  if (proposal)
    return (
      <Flex direction="column" gap="1">
        <Text variant="body-small">Adoption proposed</Text>
        {proposal.url ? (
          <Link
            href={proposal.url}
            target="_blank"
            variant="body-x-small"
            truncate
            title={proposal.url}
            style={ONE_LINE}
          >
            Review it: {proposal.url}
          </Link>
        ) : (
          <Text
            variant="body-x-small"
            color="secondary"
            truncate
            title={proposal.branch}
            style={ONE_LINE}
          >
            On branch {proposal.branch}
          </Text>
        )}
      </Flex>
    );
  const { disabledReason } = availability;
  return (
    <Flex direction="column" gap="1">
      <Button
        size="small"
        variant="secondary"
        aria-label={`Keep live value: ${itemName(item)}`}
        aria-describedby={disabledReason ? reasonId : undefined}
        isDisabled={Boolean(disabledReason)}
        onPress={() => props.onKeepLive(item)}
      >
        Keep live value
      </Button>
      {disabledReason && (
        <Text id={reasonId} variant="body-x-small" color="secondary">
          {disabledReason}
        </Text>
      )}
    </Flex>
  );
}
