import type { FleetRow, FleetSortKey } from './fleetRows';

/** The facts the fleet can be filtered by, each a URL parameter of the same name. */
export const FLEET_FILTERS = [
  'verdict',
  'version',
  'cluster',
  'chart',
  'owner',
] as const;
export type FleetFilterKey = (typeof FLEET_FILTERS)[number];

/** Everything the fleet page shows, as the URL keeps it (so a view can be shared). */
export interface FleetQuery {
  search: string;
  filters: Partial<Record<FleetFilterKey, string>>;
  sort: FleetSortKey;
  direction: 'asc' | 'desc';
  /** Zero-based. */
  page: number;
}

export const FLEET_SORT_KEYS: FleetSortKey[] = [
  'title',
  'verdict',
  'version',
  'cluster',
  'chart',
  'owner',
  'certificateDaysLeft',
  'driftCount',
  'gitops',
];

export const DEFAULT_FLEET_QUERY: FleetQuery = {
  search: '',
  filters: {},
  sort: 'verdict',
  direction: 'asc',
  page: 0,
};

/** Reads the query from URL parameters, ignoring what it does not know. */
export function parseFleetQuery(params: URLSearchParams): FleetQuery {
  const sort = params.get('sort') as FleetSortKey | null;
  const page = Number(params.get('page') ?? '1');
  const filters: FleetQuery['filters'] = {};
  for (const key of FLEET_FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return {
    search: params.get('q') ?? '',
    filters,
    sort: sort && FLEET_SORT_KEYS.includes(sort) ? sort : 'verdict',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  };
}

/** Writes only what differs from the default, so the plain page keeps a plain URL. */
export function fleetQueryParams(query: FleetQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  for (const key of FLEET_FILTERS) {
    const value = query.filters[key];
    if (value) params.set(key, value);
  }
  if (query.sort !== DEFAULT_FLEET_QUERY.sort) params.set('sort', query.sort);
  if (query.direction !== 'asc') params.set('dir', query.direction);
  if (query.page > 0) params.set('page', String(query.page + 1));
  return params;
}

/** The values a row offers for a filter; versions and clusters can be several. */
export function filterValues(row: FleetRow, key: FleetFilterKey): string[] {
  switch (key) {
    case 'verdict':
      return row.verdict ? [row.verdict] : [];
    case 'version':
      return row.versions;
    case 'cluster':
      return row.clusters;
    case 'chart':
      return row.chart ? [row.chart] : [];
    case 'owner':
      return row.owner ? [row.owner] : [];
    default:
      return [];
  }
}

/** The distinct values present in the fleet for each filter, sorted, for the filter menus. */
export function filterOptions(
  rows: FleetRow[],
): Record<FleetFilterKey, string[]> {
  const options = {} as Record<FleetFilterKey, string[]>;
  for (const key of FLEET_FILTERS) {
    const values = new Set<string>();
    for (const row of rows)
      for (const v of filterValues(row, key)) values.add(v);
    options[key] = [...values].sort((a, b) => a.localeCompare(b));
  }
  return options;
}

/** Rows matching every chosen filter and containing the search text. */
export function filterFleetRows(
  rows: FleetRow[],
  query: Pick<FleetQuery, 'search' | 'filters'>,
): FleetRow[] {
  const needle = query.search.trim().toLocaleLowerCase();
  const chosen = FLEET_FILTERS.filter(k => query.filters[k]);
  return rows.filter(
    row =>
      chosen.every(k => filterValues(row, k).includes(query.filters[k]!)) &&
      (!needle ||
        [row.title, row.entityRef, row.owner ?? '', ...row.versions].some(s =>
          s.toLocaleLowerCase().includes(needle),
        )),
  );
}

/** The page's slice of rows and the page actually shown (the last one when past the end). */
export function pageOf<T>(
  rows: T[],
  page: number,
  size: number,
): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const shown = Math.min(Math.max(page, 0), pages - 1);
  return {
    rows: rows.slice(shown * size, (shown + 1) * size),
    page: shown,
    pages,
  };
}
