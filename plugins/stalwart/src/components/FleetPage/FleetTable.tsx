import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
} from '@material-ui/core';
import { Skeleton } from '@material-ui/lab';
import { useState } from 'react';
import { VerdictBadge } from '../common/VerdictBadge';
import { errorKind } from '../common/describeError';
import { FleetRow, FleetSortKey, sortFleetRows } from './fleetRows';

const COLUMNS: Array<{ key: FleetSortKey; label: string; numeric?: boolean }> =
  [
    { key: 'title', label: 'Instance' },
    { key: 'verdict', label: 'Verdict' },
    { key: 'version', label: 'Version' },
    {
      key: 'certificateDaysLeft',
      label: 'Certificate days left',
      numeric: true,
    },
    { key: 'driftCount', label: 'Drifted settings', numeric: true },
    { key: 'gitops', label: 'GitOps' },
  ];

function Unknown(props: { row: FleetRow }) {
  if (props.row.loading)
    return <Skeleton variant="text" width={60} aria-label="Loading" />;
  return <>–</>;
}

function VerdictCell(props: { row: FleetRow }) {
  const { row } = props;
  if (row.verdict) return <VerdictBadge state={row.verdict} />;
  if (row.error) {
    return (
      <>
        {errorKind(row.error) === 'denied' ? 'Not permitted' : 'Failed to load'}
      </>
    );
  }
  return <Unknown row={row} />;
}

/** The instances, sortable by any column. */
export function FleetTable(props: { rows: FleetRow[] }) {
  const [sort, setSort] = useState<{
    key: FleetSortKey;
    direction: 'asc' | 'desc';
  }>({
    key: 'verdict',
    direction: 'asc',
  });
  const rows = sortFleetRows(props.rows, sort.key, sort.direction);
  return (
    <Table size="small" aria-label="Mail server instances">
      <TableHead>
        <TableRow>
          {COLUMNS.map(column => (
            <TableCell
              key={column.key}
              align={column.numeric ? 'right' : 'left'}
              sortDirection={sort.key === column.key ? sort.direction : false}
            >
              <TableSortLabel
                active={sort.key === column.key}
                direction={sort.key === column.key ? sort.direction : 'asc'}
                onClick={() =>
                  setSort(previous => ({
                    key: column.key,
                    direction:
                      previous.key === column.key &&
                      previous.direction === 'asc'
                        ? 'desc'
                        : 'asc',
                  }))
                }
              >
                {column.label}
              </TableSortLabel>
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.entityRef}>
            <TableCell component="th" scope="row">
              <EntityRefLink entityRef={row.entity} title={row.title} />
            </TableCell>
            <TableCell>
              <VerdictCell row={row} />
            </TableCell>
            <TableCell>{row.version ?? <Unknown row={row} />}</TableCell>
            <TableCell align="right">
              {row.certificateDaysLeft ?? <Unknown row={row} />}
            </TableCell>
            <TableCell align="right">
              {row.driftCount ?? <Unknown row={row} />}
            </TableCell>
            <TableCell>{row.gitops ?? <Unknown row={row} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
