import { Text } from '@backstage/ui';
import type {
  RemediationCallV1,
  RemediationPlanV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { CSSProperties, ReactNode } from 'react';

function callLine(call: RemediationCallV1): string {
  switch (call.target) {
    case 'stalwart-rest':
      return `Stalwart ${call.method} ${call.path}${
        call.pod ? ` on ${call.pod}` : ''
      }`;
    case 'stalwart-jmap':
      return `Stalwart JMAP ${call.method}`;
    default:
      return `Kubernetes ${call.method} ${call.path}`;
  }
}

const LIST: CSSProperties = {
  listStyle: 'none',
  margin: 'var(--bui-space-2) 0 var(--bui-space-4)',
  padding: 0,
};

function PlanList(props: {
  label: string;
  items: { key: string; primary: ReactNode; secondary?: string }[];
}) {
  return (
    <ul aria-label={props.label} style={LIST}>
      {props.items.map(item => (
        <li key={item.key} style={{ marginBottom: 'var(--bui-space-2)' }}>
          <Text as="p" variant="body-medium">
            {item.primary}
          </Text>
          {item.secondary && (
            <Text as="p" variant="body-small" color="secondary">
              {item.secondary}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The dry-run plan: every call the backend will make, what needs a restart, what it skips. */
export function RemediationPlanView(props: { plan: RemediationPlanV1 }) {
  const { plan } = props;
  return (
    <>
      <Text as="h3" variant="title-x-small" style={{ marginTop: 16 }}>
        {plan.calls.length === 0
          ? 'Nothing to do: no call would change the server.'
          : `The backend will make ${plan.calls.length} call${
              plan.calls.length === 1 ? '' : 's'
            }:`}
      </Text>
      <PlanList
        label="Planned calls"
        items={plan.calls.map((call, index) => ({
          key: String(index),
          primary: <code>{callLine(call)}</code>,
          secondary: call.description,
        }))}
      />
      {plan.restartRequired && (
        <Text as="p" variant="body-medium">
          The change takes effect only after a restart; the plan restarts{' '}
          {plan.pods.length > 0 ? plan.pods.join(', ') : 'the pods'}.
        </Text>
      )}
      {plan.skipped.length > 0 && (
        <>
          <Text as="h3" variant="title-x-small" style={{ marginTop: 16 }}>
            Not fixed by this plan
          </Text>
          <PlanList
            label="Skipped items"
            items={plan.skipped.map(s => ({
              key: s.itemId,
              primary: s.itemId,
              secondary: s.reason,
            }))}
          />
        </>
      )}
    </>
  );
}
