import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
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
  return <Icon>{LABELS[props.state]}</Icon>;
}

export function verdictLabel(state: VerdictState): string {
  return LABELS[state];
}
