import {
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import type { PodStatus } from '@stalwart-backstage/plugin-stalwart-common';
import { formatAge, secondsSince } from '../common/formatAge';

function ReadyCell(props: { pod: PodStatus }) {
  const { pod } = props;
  if (pod.ready) return <>Ready</>;
  return (
    <>
      Not ready
      {pod.waitingReason ? ` (${pod.waitingReason})` : ` (${pod.phase})`}
    </>
  );
}

/** The pods of one workload, in ordinal order as the status rules return them. */
export function PodTable(props: { pods: PodStatus[]; caption: string }) {
  const now = Date.now();
  return (
    <Table size="small" aria-label={props.caption}>
      <TableHead>
        <TableRow>
          <TableCell>Pod</TableCell>
          <TableCell align="right">Ordinal</TableCell>
          <TableCell align="right">Node id</TableCell>
          <TableCell>Ready</TableCell>
          <TableCell align="right">Restarts</TableCell>
          <TableCell align="right">Age</TableCell>
          <TableCell>Image</TableCell>
          <TableCell>Config</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.pods.map(pod => (
          <TableRow key={pod.name}>
            <TableCell component="th" scope="row">
              {pod.name}
            </TableCell>
            <TableCell align="right">{pod.ordinal ?? '–'}</TableCell>
            <TableCell align="right">{pod.nodeId ?? '–'}</TableCell>
            <TableCell>
              <ReadyCell pod={pod} />
            </TableCell>
            <TableCell align="right">
              {pod.restarts}
              {pod.lastTermination?.reason
                ? ` (last: ${pod.lastTermination.reason})`
                : ''}
            </TableCell>
            <TableCell align="right">
              {pod.startedAt
                ? formatAge(secondsSince(pod.startedAt, now))
                : '–'}
            </TableCell>
            <TableCell style={{ wordBreak: 'break-all' }}>
              {pod.image ?? '–'}
            </TableCell>
            <TableCell>
              {pod.configCurrent === false && (
                <Chip size="small" color="secondary" label="Old config" />
              )}
              {pod.revisionCurrent === false && (
                <Chip size="small" label="Old revision" />
              )}
              {pod.configCurrent !== false &&
                pod.revisionCurrent !== false &&
                'Current'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
