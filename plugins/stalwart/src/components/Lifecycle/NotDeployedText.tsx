import { Text } from '@backstage/ui';
import type { InstanceLifecycle } from '@stalwart-backstage/plugin-stalwart-common';
import { lifecycleTitle } from './lifecycleText';

/**
 * What a card says instead of its content before the instance is deployed: nothing runs yet,
 * which is expected rather than a finding, so it reads calmly instead of as missing objects.
 */
export function NotDeployedText(props: {
  lifecycle: InstanceLifecycle;
  /** What the card shows once the instance runs, and when that is. */
  what: string;
}) {
  return (
    <Text as="p" role="status" variant="body-medium">
      {`${lifecycleTitle(props.lifecycle)}: ${props.what}`}
    </Text>
  );
}
