import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@material-ui/core';
import type {
  DriftItemV1,
  DriftRemediationAction,
} from '@stalwart-backstage/plugin-stalwart-common';
import {
  DRIFT_CLASS_INFO,
  DRIFT_EXPLANATIONS,
  DRIFT_REMEDIATIONS,
} from '@stalwart-backstage/plugin-stalwart-common';
import { useEffect, useState } from 'react';
import { itemName } from './driftItems';
import { DriftValue } from './DriftValue';

const PAGE_SIZE = 25;

/** The drift items, a page at a time; remediation buttons only when `onRemediate` is given. */
export function DriftTable(props: {
  items: DriftItemV1[];
  onRemediate?: (action: DriftRemediationAction, items: DriftItemV1[]) => void;
}) {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [props.items]);
  const rows = props.items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" role="status">
        No settings match the search and class filters.
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" aria-label="Settings drift">
        <TableHead>
          <TableRow>
            <TableCell>Setting</TableCell>
            <TableCell>Class</TableCell>
            <TableCell>Declared in git</TableCell>
            <TableCell>Live</TableCell>
            <TableCell>Pods</TableCell>
            <TableCell>Why</TableCell>
            {props.onRemediate && <TableCell>Actions</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(item => {
            const name = itemName(item);
            return (
              <TableRow key={item.id}>
                <TableCell component="th" scope="row">
                  <Typography
                    variant="body2"
                    component="code"
                    style={{ wordBreak: 'break-all' }}
                  >
                    {name}
                  </Typography>
                </TableCell>
                <TableCell>{DRIFT_CLASS_INFO[item.class].label}</TableCell>
                <TableCell>
                  <DriftValue
                    value={item.declared}
                    masked={item.masked}
                    side="declared"
                  />
                </TableCell>
                <TableCell>
                  <DriftValue
                    value={item.live}
                    masked={item.masked}
                    side="live"
                  />
                </TableCell>
                <TableCell>
                  {item.pods.length === 0
                    ? 'All'
                    : item.pods.map(p => p.name).join(', ')}
                </TableCell>
                <TableCell>
                  <Typography variant="body2">
                    {DRIFT_EXPLANATIONS[item.explanation]}
                  </Typography>
                </TableCell>
                {props.onRemediate && (
                  <TableCell>
                    {item.remediations.map(action => (
                      <Button
                        key={action}
                        size="small"
                        variant="outlined"
                        aria-label={`${DRIFT_REMEDIATIONS[action].label}: ${name}`}
                        onClick={() => props.onRemediate!(action, [item])}
                      >
                        {DRIFT_REMEDIATIONS[action].label}
                      </Button>
                    ))}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {props.items.length > PAGE_SIZE && (
        <TablePagination
          component="div"
          count={props.items.length}
          page={page}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[PAGE_SIZE]}
          onPageChange={(_e, next) => setPage(next)}
        />
      )}
    </>
  );
}
