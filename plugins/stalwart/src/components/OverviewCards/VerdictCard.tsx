import { ReasonList } from '../common/ReasonList';
import { StatusCard } from '../common/StatusCard';
import { VerdictBadge } from '../common/VerdictBadge';
import { Typography } from '@material-ui/core';

/** The Overview tab's verdict card: the state and the reasons behind it. */
export function VerdictCard() {
  return (
    <StatusCard title="Mail server status" skeletonLines={2}>
      {status => (
        <>
          <Typography variant="h6" component="p">
            <VerdictBadge state={status.verdict.state} />
          </Typography>
          <ReasonList
            reasons={status.verdict.reasons.slice(0, 5)}
            label="Verdict reasons"
          />
        </>
      )}
    </StatusCard>
  );
}
