import { Flex, SearchField, Select } from '@backstage/ui';
import type { VerdictState } from '@stalwart-backstage/plugin-stalwart-common';
import { verdictLabel } from '../common/VerdictBadge';
import { FLEET_FILTERS, FleetFilterKey, FleetQuery } from './fleetQuery';

const ANY = '__any';
const LABELS: Record<FleetFilterKey, string> = {
  verdict: 'Verdict',
  version: 'Version',
  cluster: 'Cluster',
  chart: 'Chart',
  owner: 'Owner',
};

const optionLabel = (key: FleetFilterKey, value: string) =>
  key === 'verdict' ? verdictLabel(value as VerdictState) : value;

/** Search and one select per fact; every change goes back to the first page. */
export function FleetFilters(props: {
  query: FleetQuery;
  options: Record<FleetFilterKey, string[]>;
  onChange: (query: FleetQuery) => void;
}) {
  const { query, options } = props;
  return (
    <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
      <SearchField
        label="Filter instances"
        size="small"
        value={query.search}
        onChange={search => props.onChange({ ...query, search, page: 0 })}
        style={{ minWidth: 240 }}
      />
      {FLEET_FILTERS.map(key => (
        <Select
          key={key}
          label={LABELS[key]}
          aria-label={`Filter by ${LABELS[key].toLocaleLowerCase('en-US')}`}
          size="small"
          style={{ minWidth: 150 }}
          selectedKey={query.filters[key] ?? ANY}
          onSelectionChange={selected =>
            props.onChange({
              ...query,
              page: 0,
              filters: {
                ...query.filters,
                [key]: selected === ANY ? undefined : String(selected),
              },
            })
          }
          options={[
            { id: ANY, label: `Any ${LABELS[key].toLocaleLowerCase('en-US')}` },
            ...options[key].map(v => ({ id: v, label: optionLabel(key, v) })),
          ]}
        />
      ))}
    </Flex>
  );
}
