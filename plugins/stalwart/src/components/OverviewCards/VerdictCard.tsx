import { ReasonList } from '../common/ReasonList';
import { StatusCard } from '../common/StatusCard';
import { VerdictHeadline } from '../common/VerdictBadge';

/** The Overview tab's verdict card: the state and the reasons behind it. */
export function VerdictCard() {
  return (
    <StatusCard title="Mail server status" skeletonLines={2}>
      {status => (
        <>
          <VerdictHeadline state={status.verdict.state} />
          <ReasonList
            reasons={status.verdict.reasons.slice(0, 5)}
            label="Verdict reasons"
          />
        </>
      )}
    </StatusCard>
  );
}
