import { Button, Flex, Link, Text } from '@backstage/ui';
import type {
  AdoptionProposalV1,
  DriftEngine,
  DriftItemV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { useId } from 'react';
import { itemName } from './driftItems';
import { keepLiveAvailability } from './keepLiveAvailability';

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
          <Link href={proposal.url} target="_blank" variant="body-x-small">
            Review it: {proposal.url}
          </Link>
        ) : (
          <Text variant="body-x-small" color="secondary">
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
