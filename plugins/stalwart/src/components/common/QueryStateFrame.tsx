import { Alert, Flex, Skeleton } from '@backstage/ui';
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
      <Flex
        direction="column"
        gap="2"
        role="progressbar"
        aria-label={`Loading ${subject}`}
        aria-busy="true"
      >
        {Array.from({ length: props.skeletonLines ?? 3 }, (_, i) => (
          <Skeleton key={i} width="100%" height={20} />
        ))}
      </Flex>
    );
  }
  return (
    <>
      {query.error && (
        <Alert
          status="warning"
          icon
          role="status"
          mb="3"
          title={`Refreshing the ${subject} failed (${errorMessage(
            query.error,
          )}); showing data from ${
            query.updatedAt
              ? `${formatAge((Date.now() - query.updatedAt) / 1000)} ago`
              : 'earlier'
          }.`}
        />
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
      <Alert
        status="info"
        icon
        role="status"
        title={
          <>
            You do not have permission to see the {props.subject} (
            <code>{props.permission}</code>). Ask the owners of this entity for
            access.
          </>
        }
      />
    );
  }
  return (
    <Alert
      status="danger"
      icon
      role="alert"
      title={`${
        kind === 'not-found'
          ? 'Not found: '
          : `Could not load the ${props.subject}: `
      }${errorMessage(props.error)}`}
    />
  );
}
