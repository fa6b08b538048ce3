import { Typography } from '@material-ui/core';
import { Alert, Skeleton } from '@material-ui/lab';
import { ReactNode } from 'react';
import type { SharedQueryResult } from '../../queries/useSharedQuery';
import { BackendMissingState } from './BackendMissingState';
import { errorKind, errorMessage } from './describeError';
import { formatAge } from './formatAge';

/**
 * The states every Stalwart card shares: a skeleton while the first answer is on its way, a
 * clear message when it is refused or fails, and once data exists, the data with a note when
 * refreshing it failed.
 */
export function QueryStateFrame<T>(props: {
  query: SharedQueryResult<T>;
  /** What is loading, for assistive technology: "instance status". */
  subject: string;
  /** The permission a denial is about. */
  permission: string;
  children: (data: T) => ReactNode;
  skeletonLines?: number;
}) {
  const { query, subject, permission } = props;
  if (query.data === undefined) {
    if (query.error) {
      return (
        <QueryError
          error={query.error}
          subject={subject}
          permission={permission}
        />
      );
    }
    return (
      <div
        role="progressbar"
        aria-label={`Loading ${subject}`}
        aria-busy="true"
      >
        {Array.from({ length: props.skeletonLines ?? 3 }, (_, i) => (
          <Skeleton key={i} variant="text" height={28} />
        ))}
      </div>
    );
  }
  return (
    <>
      {query.error && (
        <Alert severity="warning" role="status">
          Refreshing the {subject} failed ({errorMessage(query.error)}); showing
          data from{' '}
          {query.updatedAt
            ? `${formatAge((Date.now() - query.updatedAt) / 1000)} ago`
            : 'earlier'}
          .
        </Alert>
      )}
      {props.children(query.data)}
    </>
  );
}

function QueryError(props: {
  error: Error;
  subject: string;
  permission: string;
}) {
  const kind = errorKind(props.error);
  if (kind === 'backend-missing') return <BackendMissingState />;
  if (kind === 'denied') {
    return (
      <Alert severity="info" role="status">
        <Typography variant="body2">
          You do not have permission to see the {props.subject} (
          <code>{props.permission}</code>). Ask the owners of this entity for
          access.
        </Typography>
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert">
      {kind === 'not-found'
        ? 'Not found: '
        : `Could not load the ${props.subject}: `}
      {errorMessage(props.error)}
    </Alert>
  );
}
