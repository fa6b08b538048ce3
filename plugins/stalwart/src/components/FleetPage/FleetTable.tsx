import {
  Cell,
  Flex,
  Link,
  Column,
  Row,
  Skeleton,
  TableBody,
  TableHeader,
  TableRoot,
  Text,
} from '@backstage/ui';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { errorKind } from '../common/describeError';
import { TruncatedText } from '../common/TruncatedText';
import { useWideScreen } from '../common/useWideScreen';
import { VerdictBadge } from '../common/VerdictBadge';
import { isDeployed, lifecycleLabel } from '../Lifecycle/lifecycleText';
import type { FleetRow, FleetSortKey } from './fleetRows';

interface FleetColumn {
  key: FleetSortKey;
  label: string;
  numeric?: boolean;
  /** Share of the table's width when all nine columns show (1700 px and wider). */
  width: string;
  /** Share when the narrower screen leaves out the chart and owner columns. */
  narrowWidth?: string;
  cell: (row: FleetRow) => ReactNode;
}

function Unknown(props: { row: FleetRow }) {
  if (props.row.loading) return <Skeleton width={48} aria-label="Loading" />;
  return <Text color="secondary">–</Text>;
}

const text = (value: string | undefined, row: FleetRow) =>
  value ? <TruncatedText text={value} /> : <Unknown row={row} />;

/** A proposal not yet deployed: its phase (linking the proposal) instead of a verdict. */
function LifecycleCell(props: { row: FleetRow }) {
  const lifecycle = props.row.lifecycle!;
  const label = lifecycleLabel(lifecycle);
  const url = lifecycle.proposal?.url;
  return (
    <span title={lifecycle.message}>
      {url && lifecycle.proposal?.state === 'open' ? (
        <Link href={url} target="_blank" rel="noopener">
          {label}
        </Link>
      ) : (
        <Text>{label}</Text>
      )}
    </span>
  );
}

function VerdictCell(props: { row: FleetRow }) {
  const { row } = props;
  const { lifecycle } = row;
  if (lifecycle && !isDeployed(lifecycle)) return <LifecycleCell row={row} />;
  if (
    row.verdict &&
    (lifecycle?.phase === 'reconciling' || lifecycle?.phase === 'failed')
  ) {
    return (
      <Flex gap="1" align="center" title={lifecycle.message}>
        <VerdictBadge state={row.verdict} />
        <Text variant="body-small" color="secondary">
          {lifecycleLabel(lifecycle)}
        </Text>
      </Flex>
    );
  }
  if (row.verdict) return <VerdictBadge state={row.verdict} />;
  if (row.error) {
    return (
      <Text>
        {errorKind(row.error) === 'denied' ? 'Not permitted' : 'Failed to load'}
      </Text>
    );
  }
  return <Unknown row={row} />;
}

const COLUMNS: FleetColumn[] = [
  {
    key: 'title',
    label: 'Instance',
    width: '16%',
    narrowWidth: '15%',
    cell: row => (
      <span
        style={{
          display: 'block',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
        title={row.title}
      >
        <EntityRefLink entityRef={row.entity} title={row.title} />
      </span>
    ),
  },
  {
    key: 'verdict',
    label: 'Verdict',
    width: '10%',
    narrowWidth: '13%',
    cell: row => <VerdictCell row={row} />,
  },
  {
    key: 'version',
    label: 'Version',
    width: '9%',
    narrowWidth: '13%',
    cell: row => text(row.version, row),
  },
  {
    key: 'cluster',
    label: 'Clusters',
    width: '10%',
    narrowWidth: '13%',
    cell: row => text(row.clusters.join(', ') || undefined, row),
  },
  {
    key: 'chart',
    label: 'Chart',
    width: '9%',
    cell: row => text(row.chart, row),
  },
  {
    key: 'owner',
    label: 'Owner',
    width: '9%',
    cell: row => text(row.owner, row),
  },
  {
    key: 'certificateDaysLeft',
    label: 'Cert days',
    numeric: true,
    width: '10%',
    narrowWidth: '14%',
    cell: row => (
      <Text>{row.certificateDaysLeft ?? <Unknown row={row} />}</Text>
    ),
  },
  {
    key: 'driftCount',
    label: 'Drifted',
    numeric: true,
    width: '9%',
    narrowWidth: '13%',
    cell: row => <Text>{row.driftCount ?? <Unknown row={row} />}</Text>,
  },
  {
    key: 'gitops',
    label: 'GitOps',
    width: '18%',
    narrowWidth: '19%',
    cell: row => text(row.gitops, row),
  },
];

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };

/**
 * Each header takes about 63 px besides its text (padding and the sort indicator): nine of them
 * fit without truncating only from about 1700 px; narrower, the chart and owner columns (both
 * still filters) make room.
 */
const ALL_COLUMNS_MIN_WIDTH = 1700;

/**
 * One page of instances; sorting is the caller's, so it can live in the URL. A page of
 * React Aria cells is the fleet page's dearest render: they render again only when the page,
 * its rows or the sort change, not whenever the fleet page does.
 */
export const FleetTable = memo(function FleetPageTable(props: {
  rows: FleetRow[];
  sort: { key: FleetSortKey; direction: 'asc' | 'desc' };
  onSortChange: (key: FleetSortKey) => void;
}) {
  const allColumns = useWideScreen(ALL_COLUMNS_MIN_WIDTH);
  const columns = allColumns
    ? COLUMNS
    : COLUMNS.filter(c => c.narrowWidth).map(c => ({
        ...c,
        width: c.narrowWidth!,
      }));
  return (
    <TableRoot
      aria-label="Mail server instances"
      style={{ tableLayout: 'fixed', width: '100%' }}
      sortDescriptor={{
        column: props.sort.key,
        direction: props.sort.direction === 'asc' ? 'ascending' : 'descending',
      }}
      onSortChange={d => props.onSortChange(d.column as FleetSortKey)}
    >
      <TableHeader>
        {columns.map(column => (
          <Column
            key={column.key}
            id={column.key}
            allowsSorting
            isRowHeader={column.key === 'title'}
            style={{ ...NOWRAP, width: column.width }}
          >
            {column.label}
          </Column>
        ))}
      </TableHeader>
      <TableBody>
        {props.rows.map(row => (
          <Row key={row.entityRef} id={row.entityRef}>
            {columns.map(column => (
              <Cell
                key={column.key}
                style={column.numeric ? { textAlign: 'right' } : undefined}
              >
                {column.cell(row)}
              </Cell>
            ))}
          </Row>
        ))}
      </TableBody>
    </TableRoot>
  );
});
