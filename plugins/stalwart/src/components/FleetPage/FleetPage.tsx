import { Content, Header, Page } from '@backstage/core-components';
import {
  Alert,
  Card,
  CardBody,
  Flex,
  Skeleton,
  TablePagination,
  Text,
} from '@backstage/ui';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../common/describeError';
import { useWideScreen } from '../common/useWideScreen';
import { CertificateExpiryChart } from './CertificateExpiryChart';
import { FleetFilters } from './FleetFilters';
import {
  FleetQuery,
  filterFleetRows,
  filterOptions,
  fleetQueryParams,
  pageOf,
  parseFleetQuery,
} from './fleetQuery';
import { FleetRow, FleetSortKey, sortFleetRows } from './fleetRows';
import { FleetTable } from './FleetTable';
import { useFleet } from './useFleet';

// A page's React Aria rows are most of what drawing the fleet costs: 25 rows, as Backstage's
// catalog table shows about, draw a 5,000-instance fleet within its 500 ms (docs/benchmarks.md).
export const FLEET_PAGE_SIZE = 25;

/** Search, filters, sort and page as the URL holds them. */
function useFleetQuery(): [FleetQuery, (next: FleetQuery) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseFleetQuery(params), [params]);
  const setQuery = useCallback(
    (next: FleetQuery) => setParams(fleetQueryParams(next), { replace: true }),
    [setParams],
  );
  return [query, setQuery];
}

/** The table with its filters and pager: a page of rows is all that renders, whatever the fleet. */
export function FleetInstances(props: {
  rows: FleetRow[];
  /** Told which instances are on screen whenever the page of rows changes. */
  onPageChange?: (entityRefs: string[]) => void;
}) {
  const { onPageChange } = props;
  const [query, setQuery] = useFleetQuery();
  const options = useMemo(() => filterOptions(props.rows), [props.rows]);
  const sorted = useMemo(
    () =>
      sortFleetRows(
        filterFleetRows(props.rows, query),
        query.sort,
        query.direction,
      ),
    [props.rows, query],
  );
  const page = useMemo(
    () => pageOf(sorted, query.page, FLEET_PAGE_SIZE),
    [sorted, query.page],
  );
  const pageRefs = page.rows.map(r => r.entityRef).join('\n');
  useEffect(() => {
    onPageChange?.(pageRefs ? pageRefs.split('\n') : []);
  }, [pageRefs, onPageChange]);
  const sortBy = useCallback(
    (key: FleetSortKey) =>
      setQuery({
        ...query,
        sort: key,
        direction:
          query.sort === key && query.direction === 'asc' ? 'desc' : 'asc',
        page: 0,
      }),
    [query, setQuery],
  );
  const sort = useMemo(
    () => ({ key: query.sort, direction: query.direction }),
    [query.sort, query.direction],
  );
  return (
    <Flex direction="column" gap="3">
      <FleetFilters query={query} options={options} onChange={setQuery} />
      <FleetTable rows={page.rows} sort={sort} onSortChange={sortBy} />
      {sorted.length === 0 && (
        <Text as="p" role="status">
          No instance matches the search and filters.
        </Text>
      )}
      {sorted.length > FLEET_PAGE_SIZE && (
        <TablePagination
          pageSize={FLEET_PAGE_SIZE}
          pageSizeOptions={[]}
          offset={page.page * FLEET_PAGE_SIZE}
          totalCount={sorted.length}
          hasPreviousPage={page.page > 0}
          hasNextPage={page.page < page.pages - 1}
          onPreviousPage={() => setQuery({ ...query, page: page.page - 1 })}
          onNextPage={() => setQuery({ ...query, page: page.page + 1 })}
        />
      )}
    </Flex>
  );
}

/**
 * Every Stalwart instance in the catalog, worst first, full width; the certificate expiry
 * chart joins it only on wide screens. The new frontend system's page layout supplies the header.
 */
export function FleetPageContent() {
  const [onScreen, setOnScreen] = useState<string[]>([]);
  const fleet = useFleet(onScreen);
  const wide = useWideScreen();

  let body;
  if (fleet.loading) {
    body = (
      <div role="progressbar" aria-label="Loading mail servers">
        <Skeleton width="100%" height={200} />
      </div>
    );
  } else if (fleet.error) {
    body = (
      <Alert
        status="danger"
        icon
        title={`Could not list the instances: ${errorMessage(fleet.error)}`}
      />
    );
  } else if (fleet.rows.length === 0) {
    body = (
      <Text as="p">
        No catalog entity carries the <code>stalwart.io/release</code>{' '}
        annotation yet. Create one with the Stalwart template, or annotate an
        existing component.
      </Text>
    );
  } else {
    body = (
      <Flex direction="column" gap="4">
        {wide && (
          <Card>
            <CardBody>
              <Flex align="center" gap="6">
                <Text
                  as="h2"
                  variant="title-small"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  Certificate expiry
                </Text>
                <div style={{ flex: 1, maxWidth: 520 }}>
                  <CertificateExpiryChart rows={fleet.rows} />
                </div>
              </Flex>
            </CardBody>
          </Card>
        )}
        <section aria-label="Instances">
          <FleetInstances rows={fleet.rows} onPageChange={setOnScreen} />
        </section>
      </Flex>
    );
  }

  return <Content>{body}</Content>;
}

/** The fleet page with its own header, for legacy apps. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Mail servers"
        subtitle="Every Stalwart instance in the catalog"
      />
      <FleetPageContent />
    </Page>
  );
}
