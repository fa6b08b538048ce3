import { Button, Flex, Text } from '@backstage/ui';
import type {
  DriftEngine,
  DriftItemV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { useId } from 'react';
import { itemName } from './driftItems';
import { keepLiveAvailability } from './keepLiveAvailability';

/** "Keep live value" for one drifted item, disabled with its reason when it cannot apply. */
export function KeepLiveButton(props: {
  item: DriftItemV1;
  engine: DriftEngine;
  allowed: boolean;
  onKeepLive: (item: DriftItemV1) => void;
}) {
  const { item } = props;
  const reasonId = useId();
  const availability = keepLiveAvailability(item, props);
  if (!availability.offered) return null;
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
