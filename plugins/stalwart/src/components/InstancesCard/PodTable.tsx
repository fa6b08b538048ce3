import {
  Cell,
  Column,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
  Tag,
  TagGroup,
  Text,
} from '@backstage/ui';
import type { PodStatus } from '@stalwart-backstage/plugin-stalwart-common';
import type { CSSProperties } from 'react';
import { formatAge, secondsSince } from '../common/formatAge';
import { TruncatedText } from '../common/TruncatedText';

function readyText(pod: PodStatus): string {
  if (pod.ready) return 'Ready';
  return `Not ready (${pod.waitingReason ?? pod.phase})`;
}

function restartsText(pod: PodStatus): string {
  const last = pod.lastTermination?.reason;
  return last ? `${pod.restarts} (last: ${last})` : String(pod.restarts);
}

function ConfigCell(props: { pod: PodStatus }) {
  const { pod } = props;
  const badges = [
    pod.configCurrent === false && 'Old config',
    pod.revisionCurrent === false && 'Old revision',
  ].filter((b): b is string => Boolean(b));
  if (badges.length === 0) return <Text>Current</Text>;
  return (
    <TagGroup aria-label={`Config of ${pod.name}`}>
      {badges.map(b => (
        <Tag key={b} size="small">
          {b}
        </Tag>
      ))}
    </TagGroup>
  );
}

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };
const RIGHT: CSSProperties = { ...NOWRAP, textAlign: 'right' };

/** The pods of one workload, in ordinal order as the status rules return them. */
export function PodTable(props: { pods: PodStatus[]; caption: string }) {
  const now = Date.now();
  return (
    <TableRoot
      aria-label={props.caption}
      style={{ tableLayout: 'fixed', width: '100%' }}
    >
      <TableHeader>
        <Column isRowHeader style={{ ...NOWRAP, width: '24%' }}>
          Pod
        </Column>
        <Column style={{ ...RIGHT, width: '7%' }}>Ordinal</Column>
        <Column style={{ ...RIGHT, width: '7%' }}>Node id</Column>
        <Column style={{ ...NOWRAP, width: '12%' }}>Ready</Column>
        <Column style={{ ...RIGHT, width: '8%' }}>Restarts</Column>
        <Column style={{ ...RIGHT, width: '7%' }}>Age</Column>
        <Column style={{ ...NOWRAP, width: '22%' }}>Image</Column>
        <Column style={{ ...NOWRAP, width: '13%' }}>Config</Column>
      </TableHeader>
      <TableBody>
        {props.pods.map(pod => (
          <Row key={pod.name} id={pod.name}>
            <Cell>
              <TruncatedText text={pod.name} code />
            </Cell>
            <Cell style={RIGHT}>{pod.ordinal ?? '–'}</Cell>
            <Cell style={RIGHT}>{pod.nodeId ?? '–'}</Cell>
            <Cell>
              <TruncatedText text={readyText(pod)} />
            </Cell>
            <Cell style={RIGHT}>
              <TruncatedText text={restartsText(pod)} />
            </Cell>
            <Cell style={RIGHT}>
              {pod.startedAt
                ? formatAge(secondsSince(pod.startedAt, now))
                : '–'}
            </Cell>
            <Cell>
              <TruncatedText text={pod.image ?? '–'} code />
            </Cell>
            <Cell>
              <ConfigCell pod={pod} />
            </Cell>
          </Row>
        ))}
      </TableBody>
    </TableRoot>
  );
}
