import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import type {
  RemediationCallV1,
  RemediationPlanV1,
} from '@stalwart-backstage/plugin-stalwart-common';

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

/** The dry-run plan: every call the backend will make, what needs a restart, what it skips. */
export function RemediationPlanView(props: { plan: RemediationPlanV1 }) {
  const { plan } = props;
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        {plan.calls.length === 0
          ? 'Nothing to do: no call would change the server.'
          : `The backend will make ${plan.calls.length} call${
              plan.calls.length === 1 ? '' : 's'
            }:`}
      </Typography>
      <List dense aria-label="Planned calls">
        {plan.calls.map((call, index) => (
          <ListItem key={index} disableGutters>
            <ListItemText
              primary={<code>{callLine(call)}</code>}
              secondary={call.description}
            />
          </ListItem>
        ))}
      </List>
      {plan.restartRequired && (
        <Typography variant="body2">
          The change takes effect only after a restart; the plan restarts{' '}
          {plan.pods.length > 0 ? plan.pods.join(', ') : 'the pods'}.
        </Typography>
      )}
      {plan.skipped.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            Not fixed by this plan
          </Typography>
          <List dense aria-label="Skipped items">
            {plan.skipped.map(s => (
              <ListItem key={s.itemId} disableGutters>
                <ListItemText primary={s.itemId} secondary={s.reason} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </>
  );
}
