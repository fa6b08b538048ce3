import type { FleetRow } from './fleetRows';
import {
  DEFAULT_FLEET_QUERY,
  filterFleetRows,
  filterOptions,
  fleetQueryParams,
  pageOf,
  parseFleetQuery,
} from './fleetQuery';

const row = (title: string, facts: Partial<FleetRow> = {}): FleetRow => ({
  entityRef: `component:default/${title.toLowerCase()}`,
  entity: { apiVersion: 'v1', kind: 'Component', metadata: { name: title } },
  title,
  clusters: [],
  versions: [],
  loading: false,
  ...facts,
});

const fleet = [
  row('Alpha', {
    verdict: 'healthy',
    versions: ['v0.15.5'],
    clusters: ['homelab'],
    chart: 'antigenic',
    owner: 'mail-team',
  }),
  row('Beta', {
    verdict: 'critical',
    versions: ['v0.16.0', 'v0.15.5'],
    clusters: ['edge', 'homelab'],
    chart: 'olsontech',
    owner: 'edge-team',
  }),
  row('Gamma', { clusters: ['edge'] }),
];

describe('fleet query in the URL', () => {
  it('keeps a plain URL for the default view', () => {
    expect(fleetQueryParams(DEFAULT_FLEET_QUERY).toString()).toBe('');
    expect(parseFleetQuery(new URLSearchParams())).toEqual(DEFAULT_FLEET_QUERY);
  });

  it('round-trips search, filters, sort and a one-based page number', () => {
    const query = {
      search: 'mail',
      filters: { verdict: 'critical', cluster: 'edge', owner: 'edge-team' },
      sort: 'certificateDaysLeft' as const,
      direction: 'desc' as const,
      page: 2,
    };
    const params = fleetQueryParams(query);
    expect(params.get('page')).toBe('3');
    expect(parseFleetQuery(new URLSearchParams(params.toString()))).toEqual(
      query,
    );
  });

  it('falls back to the defaults for a sort key or page it does not know', () => {
    const query = parseFleetQuery(
      new URLSearchParams('sort=password&page=-4&dir=sideways'),
    );
    expect(query).toEqual(DEFAULT_FLEET_QUERY);
  });
});

describe('filterFleetRows', () => {
  it('keeps rows having every chosen fact, counting any of several versions or clusters', () => {
    const titles = (filters: Record<string, string>) =>
      filterFleetRows(fleet, { search: '', filters }).map(r => r.title);
    expect(titles({ cluster: 'homelab' })).toEqual(['Alpha', 'Beta']);
    expect(titles({ version: 'v0.15.5', chart: 'olsontech' })).toEqual([
      'Beta',
    ]);
    expect(titles({ owner: 'mail-team', verdict: 'critical' })).toEqual([]);
  });

  it('searches title, owner and version text, ignoring case', () => {
    const found = (search: string) =>
      filterFleetRows(fleet, { search, filters: {} }).map(r => r.title);
    expect(found('EDGE-team')).toEqual(['Beta']);
    expect(found('v0.16')).toEqual(['Beta']);
    expect(found('  ')).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('offers each distinct value present in the fleet, sorted', () => {
    const options = filterOptions(fleet);
    expect(options.cluster).toEqual(['edge', 'homelab']);
    expect(options.version).toEqual(['v0.15.5', 'v0.16.0']);
    expect(options.verdict).toEqual(['critical', 'healthy']);
  });
});

describe('pageOf', () => {
  it('slices a page and clamps a page past the end to the last one', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 1, 50).rows[0]).toBe(50);
    expect(pageOf(items, 9, 50)).toMatchObject({ page: 2, pages: 3 });
    expect(pageOf([], 3, 50)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});
