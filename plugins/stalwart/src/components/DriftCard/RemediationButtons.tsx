import { Button, Flex } from '@backstage/ui';
import type {
  DriftItemV1,
  DriftRemediationAction,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_REMEDIATIONS } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * The remediations that apply to every one of `items`, one button each; used for an item and
 * for a whole group (the backend resets a group's items together).
 */
export function RemediationButtons(props: {
  items: DriftItemV1[];
  subject: string;
  onRemediate: (action: DriftRemediationAction, items: DriftItemV1[]) => void;
}) {
  const { items } = props;
  const actions = (items[0]?.remediations ?? []).filter(a =>
    items.every(i => i.remediations.includes(a)),
  );
  if (actions.length === 0) return null;
  return (
    <Flex gap="2">
      {actions.map(action => (
        <Button
          key={action}
          size="small"
          variant="secondary"
          aria-label={`${DRIFT_REMEDIATIONS[action].label}: ${props.subject}`}
          onPress={() => props.onRemediate(action, items)}
        >
          {DRIFT_REMEDIATIONS[action].label}
        </Button>
      ))}
    </Flex>
  );
}
