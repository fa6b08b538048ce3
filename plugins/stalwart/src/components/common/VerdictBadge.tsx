import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { Text } from '@backstage/ui';
import type { VerdictState } from '@stalwart-backstage/plugin-stalwart-common';

const LABELS: Record<VerdictState, string> = {
  healthy: 'Healthy',
  warning: 'Needs attention',
  critical: 'Critical',
  unknown: 'Unknown',
};

const ICONS = {
  healthy: StatusOK,
  warning: StatusWarning,
  critical: StatusError,
  unknown: StatusPending,
};

/** The verdict as an icon and a word, so it reads without colour. */
export function VerdictBadge(props: { state: VerdictState }) {
  const Icon = ICONS[props.state];
  // Backstage's status icons hide themselves and their children from assistive technology,
  // so the word stands beside the icon, not inside it.
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Icon />
      {LABELS[props.state]}
    </span>
  );
}

/**
 * The verdict as the headline of a card: a live region, so assistive technology hears it change
 * when the status refreshes.
 */
export function VerdictHeadline(props: { state: VerdictState }) {
  return (
    <Text
      as="p"
      variant="title-x-small"
      role="status"
      aria-label={`Verdict: ${LABELS[props.state]}`}
    >
      <VerdictBadge state={props.state} />
    </Text>
  );
}

export function verdictLabel(state: VerdictState): string {
  return LABELS[state];
}
